// Writes a document's records as JSON Lines (one object per record, schemas/record.schema.json),
// in a stable order: by sentence, then span, then record type. Byte-identical for equal input.
#pragma once

#include <string>

#include "extract/records.hpp"

namespace geokg::extract {

// Appends one line per record of `records` to out.
void append_records_jsonl(const DocumentRecords& records, std::string& out);

}  // namespace geokg::extract
