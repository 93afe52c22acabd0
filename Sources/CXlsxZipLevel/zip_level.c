// The deflate level of the .xlsx files libxlsxwriter writes.
//
// libxlsxwriter zips a workbook's XML parts through minizip, always at zlib's default level
// (6), with no option to change it. For tonghop that compression was a quarter of the time
// spent writing workbooks: a national year is 64 workbooks and 56 MB of XML. At level 1 the
// same workbooks are written in 0.15-0.2 s less on two cores and are 16 % larger (4.9 MB ->
// 5.7 MB for the 64 of `make bench`); every reader opens them alike.
//
// This file defines minizip's zipOpenNewFileInZip4_64, the one call libxlsxwriter makes to
// start each part of the zip. A function defined in the executable comes first in the
// dynamic linker's search, and the linker exports it because libxlsxwriter.so (linked in)
// refers to it: libxlsxwriter's calls arrive here, and are passed on to minizip's own
// function (found with dlsym(RTLD_NEXT)) with level 1 in place of the default. Nothing else
// in tonghop uses minizip. Were the call not to arrive here (another linker, a static
// libxlsxwriter), the workbooks would only be smaller and slower to write; a test checks
// that it does (WorkbookCompressionTests reads the level back from the zip's headers).
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include "xlsx_zip_level.h"

// minizip's types, as its zip.h declares them (the header is not installed with the library).
typedef void *zipFile;
typedef unsigned int uInt;
typedef unsigned long uLong;
typedef struct zip_fileinfo zip_fileinfo;

#define Z_DEFLATED 8
#define Z_DEFAULT_COMPRESSION (-1)

typedef int (*OpenNewFile)(zipFile, const char *, const zip_fileinfo *, const void *, uInt, const void *, uInt,
                           const char *, int, int, int, int, int, int, const char *, uLong, uLong, uLong, int);

int zipOpenNewFileInZip4_64(zipFile file, const char *filename, const zip_fileinfo *info,
                            const void *extraLocal, uInt extraLocalSize, const void *extraGlobal, uInt extraGlobalSize,
                            const char *comment, int method, int level, int raw, int windowBits, int memLevel,
                            int strategy, const char *password, uLong crcForCrypting, uLong versionMadeBy,
                            uLong flagBase, int zip64) {
    // Workbooks are written on several threads at once: the pointer is read and kept atomically
    // (any thread that finds it missing looks it up; all find the same).
    static OpenNewFile minizip = NULL;
    OpenNewFile next = __atomic_load_n(&minizip, __ATOMIC_ACQUIRE);
    if (next == NULL) {
        next = (OpenNewFile)dlsym(RTLD_NEXT, "zipOpenNewFileInZip4_64");
        if (next == NULL) {
            fprintf(stderr, "tonghop: minizip's zipOpenNewFileInZip4_64 not found: %s\n", dlerror());
            abort();
        }
        __atomic_store_n(&minizip, next, __ATOMIC_RELEASE);
    }
    if (method == Z_DEFLATED && level == Z_DEFAULT_COMPRESSION) level = TONGHOP_XLSX_DEFLATE_LEVEL;
    return next(file, filename, info, extraLocal, extraLocalSize, extraGlobal, extraGlobalSize, comment, method, level,
                raw, windowBits, memLevel, strategy, password, crcForCrypting, versionMadeBy, flagBase, zip64);
}
