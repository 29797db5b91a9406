// termgraph: the symbol visibility of the public API.
//
// The library is built with symbols hidden by default; what this macro marks
// is exported. A shared build defines TERMGRAPH_SHARED for its consumers
// too (CMake does), so that Windows imports what the DLL exports.
#pragma once

#if defined(_WIN32) && defined(TERMGRAPH_SHARED)
#if defined(TERMGRAPH_BUILDING)
#define TERMGRAPH_API __declspec(dllexport)
#else
#define TERMGRAPH_API __declspec(dllimport)
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define TERMGRAPH_API __attribute__((visibility("default")))
#else
#define TERMGRAPH_API
#endif
