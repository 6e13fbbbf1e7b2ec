// The parallel document pipeline: one reader thread streams documents, `threads` workers extract
// them, and the calling thread receives the results strictly in input order, so every output is
// identical for any thread count. At most a bounded number of documents are in flight.
#pragma once

#include <functional>
#include <string>

#include "extract/document.hpp"
#include "extract/ingest.hpp"
#include "extract/lexicon.hpp"
#include "extract/records.hpp"

namespace geokg::cli {

struct Processed {
  extract::Document doc;
  extract::DocumentRecords records;
  std::string content_hash;  // SHA-256 of the text
};

// SIGINT and SIGTERM ask a running pipeline to stop reading: the documents already read are
// finished and every output is written whole, so a store keeps only whole documents and the same
// command run again adds the rest. A second signal ends the process at once. SIGXFSZ (a file size
// limit) is ignored so that the write fails with an error the store reports, as on a full disk.
void install_signal_handlers();
// True once SIGINT or SIGTERM arrived.
bool interrupted();

// Runs extraction over every document of reader; sink is called on the calling thread in input
// order. An exception thrown by sink stops the pipeline and is rethrown.
void run_pipeline(extract::DocumentReader& reader, const extract::Lexicon& lexicon, unsigned threads,
                  const std::function<void(Processed&)>& sink);

}  // namespace geokg::cli
