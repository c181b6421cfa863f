// People across the papers: names within the tolerance are one person, and a date of birth where a
// paper prints one keeps two people of one name apart without joining anyone by itself.
#include "pipeline/analysis/people.hpp"

#include <gtest/gtest.h>

#include "tests/analysis/papers.hpp"

namespace shoebox::findings {
namespace {

using testing_papers::Text;

StoredDocument BillFor(const std::string& id, const std::string& patient, const std::string& born) {
  StoredDocument bill = testing_papers::Bill(id, 10000, 10000);
  bill.document.fields.push_back(Text("patient_name", patient));
  if (!born.empty()) bill.document.fields.push_back(Text("patient_birth_date", born));
  return bill;
}

TEST(People, ADateOfBirthTellsTwoPeopleOfOneNameApart) {
  std::vector<StoredDocument> papers = {BillFor("a", "Robert Lee", "1958-02-11"), BillFor("b", "Robert Lee", "1990-07-30"),
                                        BillFor("c", "ROBERT LEE", ""), BillFor("d", "Robert Lee", "1958-02-11"),
                                        BillFor("e", "Mia Lee", "1990-07-30")};
  std::vector<Person> people = FindPeople(papers, {});
  ASSERT_EQ(people.size(), 3u);
  EXPECT_EQ(people[0].name, "Mia Lee");
  EXPECT_EQ(people[0].documents, (std::set<std::string>{"e"}));  // one birthday joins no one
  EXPECT_EQ(people[1].name, "Robert Lee, born 1958-02-11");
  EXPECT_EQ(people[2].name, "Robert Lee, born 1990-07-30");
  // The undated paper goes with the first of them it meets; the dated ones with their own.
  EXPECT_TRUE(people[1].documents.count("a") && people[1].documents.count("d"));
  EXPECT_EQ(people[2].documents, (std::set<std::string>{"b"}));
  EXPECT_EQ(PersonNamed(people, "Robert Lee, born 1990-07-30"), &people[2]);

  // The person's own merge outranks the papers' dates.
  std::vector<Person> merged = FindPeople(papers, {{"Robert Lee", "Bob"}});
  EXPECT_EQ(merged.size(), 2u);
}

}  // namespace
}  // namespace shoebox::findings
