#ifndef XLSX_ZIP_LEVEL_H
#define XLSX_ZIP_LEVEL_H

/// The deflate level tonghop's workbooks are compressed with (see zip_level.c).
#define TONGHOP_XLSX_DEFLATE_LEVEL 1

#endif
