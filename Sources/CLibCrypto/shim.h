// OpenSSL's libcrypto, for SHA-256 only: it uses the CPU's SHA instructions where there are
// some, which hashes a national year of input files several times faster than portable code.
#include <openssl/sha.h>
