// Data compiled into the binary by cmake/embed.cmake: the schema migrations, the label dictionary,
// how the words of its labels may be printed, the poverty guidelines, the practice call's scripts and its page's script.
#pragma once

#include <string_view>
#include <vector>

namespace shoebox::embedded {

struct Migration {
  std::string_view name;  // "0001_initial.sql"; the number is the schema version it brings
  std::string_view sql;
};

const std::vector<Migration>& Migrations();  // in order
std::string_view LabelDictionary();           // extractors/labels.tsv
std::string_view LabelWords();                // extractors/label_words.tsv
std::string_view PovertyGuidelines();         // pipeline/analysis/poverty_guidelines.tsv
std::string_view RehearsalNormal();           // pipeline/present/rehearsal/normal.tsv
std::string_view RehearsalHard();             // pipeline/present/rehearsal/hard.tsv
std::string_view PracticeScript();            // pipeline/present/rehearsal/practice.js

}  // namespace shoebox::embedded
