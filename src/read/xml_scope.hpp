// Internal: XmlScope and the document-order walk are part of the XML
// reading toolkit, read/xml.hpp; this header is kept for its includers.
#pragma once

#include "read/xml.hpp"
