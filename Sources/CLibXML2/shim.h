// libxml2's HTML parser, for the Ingest stage's article finder (HTMLBlockTree).
//
// libxml2 built with ICU includes the system's <unicode/ucnv.h>, whose enums clash with the
// copy of ICU inside Swift's Foundation. Nothing here uses libxml2's ICU converter, so its
// declarations are left out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
