#ifndef TONGHOP_CXLSXWRITER_SHIM_H
#define TONGHOP_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
