#ifndef TONGHOP_CFREEXL_SHIM_H
#define TONGHOP_CFREEXL_SHIM_H
#include <freexl.h>
#endif
