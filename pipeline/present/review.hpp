// review: the figures a person should look at on the paper, most important first. First those the
// findings rest on (a finding that tells them not to pay is only as good as them), then those a
// check item names, then the amounts of a paper whose own arithmetic does not close, then any
// amount or date read less than surely; each with its value, how sure
// the reading was, where on which page it is, a crop of it, and the commands that confirm or
// correct it. Figures the person has already confirmed or corrected are not asked again.
#pragma once

#include <string>
#include <vector>

#include "pipeline/core/page.hpp"
#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::review {

struct Item {
  std::string why;          // "'Billed before insurance finished' rests on it", "read 62% sure"
  std::string document_id;  // the whole id (commands take its first characters)
  std::string path;         // the file it was read from
  std::string target;       // the field, as correct and confirm take it
  std::string value;        // as a person reads it ("$136.82")
  double confidence = 0;
  int page = 0;
  BoxPx box;
  std::string crop;         // the crop's file (mode 0600), or "" where the page could not be cropped
};

// How sure a reading was, as a person reads it: "95%".
std::string Percent(double confidence);

// A reading below this is asked about even where no finding rests on it.
inline constexpr double kUnsure = 0.8;

// The items, most important first. Crops are written into crops_dir (made 0700 where missing);
// none where crops_dir is "".
Result<std::vector<Item>> Items(store::Database& db, const std::string& crops_dir);

}  // namespace shoebox::review
