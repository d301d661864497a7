#ifndef DOCKET_CCMARK_SHIM_H
#define DOCKET_CCMARK_SHIM_H
#include <cmark.h>
#endif
