// People across the papers: names grouped by the matching tolerance and by member IDs.
#include "pipeline/analysis/people.hpp"

#include <algorithm>
#include <numeric>

#include "pipeline/analysis/findings.hpp"
#include "pipeline/core/text.hpp"

namespace shoebox::findings {
namespace {

bool FullName(const std::string& name) { return name.find(' ') != std::string::npos && Key(name).size() >= 4; }

// The name the person gave for this spelling, following a rename of a merge to its end.
std::string Named(std::string name, const std::map<std::string, std::string>& names) {
  for (int hops = 0; hops < 10; ++hops) {
    auto it = std::find_if(names.begin(), names.end(), [&](const auto& entry) { return Key(entry.first) == Key(name); });
    if (it == names.end() || Key(it->second) == Key(name)) break;
    name = it->second;
  }
  return name;
}

}  // namespace

std::vector<Person> FindPeople(const std::vector<StoredDocument>& documents,
                               const std::map<std::string, std::string>& names) {
  struct Mention {
    std::string printed, named, role, member_id, birth_date, document;
  };
  std::vector<Mention> mentions;
  for (const StoredDocument& d : documents) {
    std::string member_id = TextOf(d.document, "member_id"), birth_date = TextOf(d.document, "patient_birth_date");
    for (const auto& [field, role] : {std::pair{"patient_name", "patient"}, std::pair{"guarantor_name", "guarantor"},
                                      std::pair{"member_name", "member"}}) {
      std::string printed = CollapseSpaces(TextOf(d.document, field));
      if (!FullName(printed)) continue;
      mentions.push_back({printed, Named(printed, names), role, role == std::string("member") ? member_id : "",
                          role == std::string("patient") ? birth_date : "", d.id});
    }
  }
  // Union-find: one person per group of names within the tolerance or sharing a member ID, never
  // joining two groups born on different days.
  std::vector<size_t> parent(mentions.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::vector<std::set<std::string>> born(mentions.size());  // by group root
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (!mentions[i].birth_date.empty()) born[i].insert(mentions[i].birth_date);
  }
  auto root = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (size_t i = 0; i < mentions.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      bool same_id = !mentions[i].member_id.empty() && Key(mentions[i].member_id) == Key(mentions[j].member_id);
      // A name the person gave may be one word ("Mom"): the same name, or two full names within the tolerance.
      const std::string &a = mentions[i].named, &b = mentions[j].named;
      bool alike = Key(a) == Key(b) || (FullName(a) && FullName(b) && CouldBeOnePatient(a, b));
      size_t ri = root(i), rj = root(j);
      bool born_apart = !born[ri].empty() && !born[rj].empty() &&
                        std::none_of(born[ri].begin(), born[ri].end(), [&](const std::string& day) { return born[rj].count(day); });
      bool merged = a != mentions[i].printed || b != mentions[j].printed;  // the person's word outranks the papers'
      if (ri == rj || !(same_id || alike) || (born_apart && !merged)) continue;
      parent[ri] = rj;
      born[rj].insert(born[ri].begin(), born[ri].end());
    }
  }
  std::map<size_t, Person> groups;
  std::map<size_t, std::map<std::string, int>> counts;  // group → name → how often
  for (size_t i = 0; i < mentions.size(); ++i) {
    Person& person = groups[root(i)];
    const Mention& m = mentions[i];
    person.spellings.insert(m.printed);
    person.roles.insert(m.role);
    if (!m.member_id.empty()) person.member_ids.insert(m.member_id);
    if (!m.birth_date.empty()) person.birth_dates.insert(m.birth_date);
    person.documents.insert(m.document);
    counts[root(i)][m.named] += m.named == m.printed ? 1 : 1000;  // a name the person gave comes first
  }
  std::vector<Person> people;
  for (auto& [group, person] : groups) {
    const auto& named = counts[group];
    person.name = std::max_element(named.begin(), named.end(), [](const auto& a, const auto& b) {
                    return a.second < b.second;
                  })->first;
    people.push_back(std::move(person));
  }
  // Two people of one name are told by their dates of birth.
  std::map<std::string, int> named;
  for (const Person& person : people) ++named[Key(person.name)];
  for (Person& person : people) {
    if (named[Key(person.name)] > 1 && !person.birth_dates.empty()) person.name += ", born " + *person.birth_dates.begin();
  }
  std::sort(people.begin(), people.end(), [](const Person& a, const Person& b) { return a.name < b.name; });
  return people;
}

Result<std::vector<Person>> LoadPeople(store::Database& db, const std::vector<StoredDocument>& documents) {
  auto names = db.LoadPersonNames();
  if (!names) return names.error();
  return FindPeople(documents, *names);
}

const Person* PersonNamed(const std::vector<Person>& people, const std::string& wanted) {
  for (const Person& person : people) {
    if (Key(person.name) == Key(wanted)) return &person;
  }
  for (const Person& person : people) {
    for (const std::string& spelling : person.spellings) {
      if (Key(spelling) == Key(wanted)) return &person;
    }
  }
  for (const Person& person : people) {
    for (const std::string& spelling : person.spellings) {
      if (FullName(wanted) && CouldBeOnePatient(spelling, wanted)) return &person;
    }
  }
  return nullptr;
}

const Person* PersonOfAccount(const std::vector<Person>& people, const Account& account) {
  if (!account.patient_name.empty()) {
    if (const Person* patient = PersonNamed(people, account.patient_name)) return patient;
  }
  const std::string& latest = account.statements.back().document_id;
  for (const Person& person : people) {
    if (person.documents.count(latest)) return &person;
  }
  return nullptr;
}

std::vector<PlanYear> PlanYearsOf(const Person& person, const std::vector<PlanYear>& years) {
  std::map<std::string, PlanYear> theirs;
  for (const PlanYear& year : years) {
    bool named = std::any_of(person.spellings.begin(), person.spellings.end(),
                             [&](const std::string& spelling) { return Key(spelling) == Key(year.person); });
    if (year.person.empty() || !named) continue;
    PlanYear& sum = theirs[year.year];
    sum.person = person.name;
    sum.year = year.year;
    sum.deductible_cents += year.deductible_cents;
    sum.patient_responsibility_cents += year.patient_responsibility_cents;
    sum.claims += year.claims;
    if (!year.deductible_met_by.empty() && (sum.deductible_met_by.empty() || year.deductible_met_by < sum.deductible_met_by))
      sum.deductible_met_by = year.deductible_met_by;
  }
  std::vector<PlanYear> out;
  for (auto& [year, sum] : theirs) out.push_back(std::move(sum));
  return out;
}

}  // namespace shoebox::findings
