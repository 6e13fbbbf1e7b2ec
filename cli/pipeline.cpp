#include "cli/pipeline.hpp"

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "extract/extractor.hpp"
#include "extract/hash.hpp"

namespace geokg::cli {

namespace {

// Documents read but not yet handed to the sink; bounds memory whatever the corpus size.
constexpr std::size_t kMaxInFlight = 256;

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void on_interrupt(int signal_number) {
  g_interrupted = 1;
  std::signal(signal_number, SIG_DFL);  // the second one ends the process
}

}  // namespace

void install_signal_handlers() {
  std::signal(SIGINT, on_interrupt);
  std::signal(SIGTERM, on_interrupt);
  std::signal(SIGXFSZ, SIG_IGN);
}

bool interrupted() { return g_interrupted != 0; }

void run_pipeline(extract::DocumentReader& reader, const extract::Lexicon& lexicon, unsigned threads,
                  const std::function<void(Processed&)>& sink) {
  if (threads == 0) threads = 1;
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<std::pair<std::size_t, extract::Document>> input;
  std::map<std::size_t, Processed> done;
  bool input_finished = false;
  bool stop = false;
  std::size_t in_flight = 0;
  std::exception_ptr failure;

  std::thread producer([&] {
    try {
      std::size_t sequence = 0;
      while (true) {
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return stop || in_flight < kMaxInFlight; });
          if (stop) break;
        }
        if (interrupted()) break;
        std::optional<extract::Document> doc = reader.next();
        std::lock_guard lock(mutex);
        if (!doc) break;
        input.emplace_back(sequence++, std::move(*doc));
        ++in_flight;
        changed.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
      stop = true;
    }
    std::lock_guard lock(mutex);
    input_finished = true;
    changed.notify_all();
  });

  std::vector<std::thread> workers;
  for (unsigned w = 0; w < threads; ++w) {
    workers.emplace_back([&] {
      while (true) {
        std::pair<std::size_t, extract::Document> job;
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return stop || !input.empty() || input_finished; });
          if (stop || (input.empty() && input_finished)) return;
          job = std::move(input.front());
          input.pop_front();
        }
        Processed result;
        try {
          result.content_hash = extract::sha256_hex(job.second.text);
          result.records = extract::extract_document(job.second, lexicon);
          result.doc = std::move(job.second);
        } catch (...) {
          std::lock_guard lock(mutex);
          if (!failure) failure = std::current_exception();
          stop = true;
          changed.notify_all();
          return;
        }
        std::lock_guard lock(mutex);
        done.emplace(job.first, std::move(result));
        changed.notify_all();
      }
    });
  }

  std::size_t next = 0;
  while (true) {
    Processed item;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] {
        return stop || done.count(next) > 0 || (input_finished && input.empty() && in_flight == 0);
      });
      if (stop) break;
      auto it = done.find(next);
      if (it == done.end()) break;  // everything consumed
      item = std::move(it->second);
      done.erase(it);
    }
    try {
      sink(item);
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
      stop = true;
      changed.notify_all();
      break;
    }
    std::lock_guard lock(mutex);
    ++next;
    --in_flight;
    changed.notify_all();
  }
  {
    std::lock_guard lock(mutex);
    stop = true;
    changed.notify_all();
  }
  producer.join();
  for (auto& w : workers) w.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace geokg::cli
