// people: the household's people as the papers name them, merged and renamed by the person; and
// the --person filter of findings, accounts and episodes.
#include <iostream>

#include "cli/verbs.hpp"
#include "pipeline/analysis/accounts.hpp"
#include "pipeline/analysis/analysis.hpp"
#include "pipeline/analysis/people.hpp"

namespace shoebox::cli {
namespace {

void PrintPerson(const findings::Person& person, const std::vector<findings::PlanYear>& years, std::ostream& out) {
  std::string roles;
  for (const std::string& role : person.roles) roles += (roles.empty() ? "" : ", ") + role;
  out << person.name << ": " << roles << "; " << person.documents.size() << " paper(s)";
  for (const std::string& id : person.member_ids) out << "; member ID " << id;
  for (const std::string& day : person.birth_dates) out << "; born " << day;
  out << '\n';
  std::string spellings;
  for (const std::string& spelling : person.spellings) {
    if (spelling != person.name) spellings += (spellings.empty() ? "" : ", ") + spelling;
  }
  if (!spellings.empty()) out << "  also printed as: " << spellings << '\n';
  for (const findings::PlanYear& year : findings::PlanYearsOf(person, years)) {
    out << "  plan year " << year.year << ": " << findings::PlanYearWords(year) << '\n';
  }
}

}  // namespace

std::optional<findings::Person> PersonOption(const Args& args, const Environment& env, store::Database& db,
                                             const std::vector<StoredDocument>& documents, std::string_view verb,
                                             int& code) {
  auto wanted = args.Get("--person");
  if (!wanted) return std::nullopt;
  auto people = findings::LoadPeople(db, documents);
  if (!people) {
    *env.err << people.error().message << '\n';
    code = kExitDatabase;
    return std::nullopt;
  }
  if (const findings::Person* person = findings::PersonNamed(*people, *wanted)) return *person;
  *env.err << "shoebox " << verb << ": no paper names " << *wanted << " (shoebox people lists who they name)\n";
  code = kExitUsage;
  return std::nullopt;
}

int People(const Args& args, const Environment& env) {
  bool naming = !args.positional.empty();
  if (naming && !((args.positional[0] == "merge" || args.positional[0] == "rename") && args.positional.size() == 3)) {
    *env.err << "shoebox people: list them, or merge NAME OTHER (OTHER's papers are NAME's), or rename NAME NEW\n";
    return kExitUsage;
  }
  auto db = OpenDatabase(args, env, naming ? store::Mode::kReadWrite : store::Mode::kReadOnly);
  if (!db) return kExitDatabase;
  auto analysis = findings::Analyse(*db);
  if (!analysis) {
    *env.err << analysis.error().message << '\n';
    return kExitDatabase;
  }
  auto people = findings::LoadPeople(*db, analysis->documents);
  if (!people) {
    *env.err << people.error().message << '\n';
    return kExitDatabase;
  }
  if (!naming) {
    if (people->empty()) *env.out << "No paper names a patient, guarantor or plan member yet.\n";
    std::vector<findings::PlanYear> years = findings::SumPlanYears(analysis->documents);
    for (const findings::Person& person : *people) PrintPerson(person, years, *env.out);
    return kExitOk;
  }
  const std::string& verb = args.positional[0];
  const findings::Person* person = findings::PersonNamed(*people, args.positional[1]);
  const findings::Person* other = verb == "merge" ? findings::PersonNamed(*people, args.positional[2]) : nullptr;
  if (person == nullptr || (verb == "merge" && other == nullptr)) {
    *env.err << "shoebox people: no paper names " << (person == nullptr ? args.positional[1] : args.positional[2])
             << " (shoebox people lists who they name)\n";
    return kExitUsage;
  }
  // Every way the papers print the one renamed or merged in takes the name the person gave.
  const findings::Person& renamed = verb == "merge" ? *other : *person;
  std::string name = verb == "merge" ? person->name : args.positional[2];
  for (const std::string& printed : renamed.spellings) {
    if (auto saved = db->SavePersonName(printed, name); !saved) {
      *env.err << saved.error().message << '\n';
      return kExitDatabase;
    }
  }
  if (auto saved = db->SavePersonName(renamed.name, name); !saved) {
    *env.err << saved.error().message << '\n';
    return kExitDatabase;
  }
  *env.err << (verb == "merge" ? "merged " + renamed.name + " into " + name : "renamed " + renamed.name + " " + name)
           << " (shoebox people)\n";
  return kExitOk;
}

}  // namespace shoebox::cli
