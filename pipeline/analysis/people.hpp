// The people of a household's papers (issue 23): every patient, guarantor and plan member the papers
// name, told apart and recognised across documents. Full names within the tolerance matching uses
// (CouldBeOnePatient) are one person, and so are names that share a member ID; the person's own
// merges and renames (shoebox people merge / rename) are applied first.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/core/records.hpp"

namespace shoebox::findings {

struct Person {
  std::string name;                    // the person's own name for them, else as most often printed
  std::set<std::string> spellings;     // every way the papers print it
  std::set<std::string> roles;         // patient, guarantor, member
  std::set<std::string> member_ids;    // as printed
  std::set<std::string> documents;     // ids of the papers that name them
};

// `names` maps a name as printed (or as the person named it) to the name the person gave: a merge
// ("Kim Lee" → "Kimberly Lee") or a rename.
std::vector<Person> FindPeople(const std::vector<StoredDocument>& documents,
                               const std::map<std::string, std::string>& names);

// The person `wanted` names (a name, a spelling, within the tolerance), or nullptr.
const Person* PersonNamed(const std::vector<Person>& people, const std::string& wanted);

}  // namespace shoebox::findings
