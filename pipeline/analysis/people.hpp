// The people of a household's papers (issue 23): every patient, guarantor and plan member the papers
// name, told apart and recognised across documents. Full names within the tolerance matching uses
// (CouldBeOnePatient) are one person unless the papers give them different dates of birth (a father
// and his son of one name), and so are names that share a member ID; the person's own merges and
// renames (shoebox people merge / rename) are applied first.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/analysis/accounts.hpp"
#include "pipeline/core/records.hpp"
#include "pipeline/core/result.hpp"
#include "pipeline/store/store.hpp"

namespace shoebox::findings {

struct Person {
  std::string name;                    // the person's own name for them, else as most often printed
  std::set<std::string> spellings;     // every way the papers print it
  std::set<std::string> roles;         // patient, guarantor, member
  std::set<std::string> member_ids;    // as printed
  std::set<std::string> birth_dates;   // ISO, where a paper prints the patient's
  std::set<std::string> documents;     // ids of the papers that name them
};

// `names` maps a name as printed (or as the person named it) to the name the person gave: a merge
// ("Kim Lee" → "Kimberly Lee") or a rename.
std::vector<Person> FindPeople(const std::vector<StoredDocument>& documents,
                               const std::map<std::string, std::string>& names);

// FindPeople with the names the person gave, as stored (shoebox people merge / rename).
Result<std::vector<Person>> LoadPeople(store::Database& db, const std::vector<StoredDocument>& documents);

// The person `wanted` names (a name, a spelling, within the tolerance), or nullptr.
const Person* PersonNamed(const std::vector<Person>& people, const std::string& wanted);

// Whose account it is: the patient its statements name, else whoever its latest statement names;
// nullptr when no paper of it names anyone.
const Person* PersonOfAccount(const std::vector<Person>& people, const Account& account);

// The person's plan years (SumPlanYears), one per year however the notices spell their name.
std::vector<PlanYear> PlanYearsOf(const Person& person, const std::vector<PlanYear>& years);

}  // namespace shoebox::findings
