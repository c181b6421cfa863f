// match and rules: everything in the database → which bill goes with which EOB/MSN claim and which
// collection letter with which bill, then the findings of DOMAIN.md §4 — what not to pay yet, and
// why, through the rules table (rules/). Plain data in, plain data out; the store loads and saves.
// Rule IDs and their definitions are in docs/RULES.md; every ID has a test that names it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/core/page.hpp"
#include "pipeline/core/records.hpp"

namespace shoebox::findings {

// Shared by match, rules and accounts: a field's text or cents (empty / nullopt when absent), a
// comparison key of letters and digits only ("123-456-789" = "123456789"), provider names printed
// in different ways, money as a person reads it ("$1,840.00"), a field's name and a kind of paper
// in words ("amount due", "an explanation of benefits").
const Field* FieldOf(const Document& document, const std::string& name);
std::string TextOf(const Document& document, const std::string& name);
std::optional<Cents> CentsOf(const Document& document, const std::string& name);
std::string Key(const std::string& text);
bool SameProvider(const std::string& a, const std::string& b);
// Whether two names as read could be one person: a name of fewer than two words says nothing (true);
// a slip per five letters is a misreading, not another person.
bool CouldBeOnePatient(const std::string& a, const std::string& b);
std::string Money(Cents cents);
std::string FieldWords(const std::string& name);
std::string KindWords(DocumentKind kind);
// The plan has finished with the claim (processed, or partly denied): its figures are final.
bool IsFinished(const Claim& claim);
// Whether the plan denied the claim, in whole or in part.
bool IsDenied(const Claim& claim);

// With `touching`, only the pairs that involve one of those documents are scored (the rest are
// known from before: see Analyser).
std::vector<Match> MatchDocuments(const std::vector<StoredDocument>& documents,
                                  const std::set<std::string>* touching = nullptr);

// The same paper arriving as different files (a photo and a scan of one statement, a re-download):
// documents of one kind that share what identifies them (a bill's account and statement date, a
// notice's date and claim number, a letter's account and date). Maps each extra copy's id to the
// id of the copy that stands for the group: the one whose figures add up and that was read most
// fully. A later statement of the same account has another date: a new statement, not a twin.
std::vector<Twin> FindTwins(const std::vector<StoredDocument>& documents);
// The fields whose figures a finding of this rule rests on, the one it is about first: what the
// report's evidence crop boxes and what review asks the person to check.
std::vector<std::string> EvidenceFields(FindingRule rule);
// The keys of a paper that name it and no other (those with a date of its own among their parts):
// what a correction of it is kept under, so that a re-read or a copy of the paper takes it too.
std::vector<std::string> PaperKeys(const Document& d);

// today: ISO date that deadlines and open windows are computed against (no hidden clock). notes:
// an account with an agreement stops being judged on its statements up to the agreement; a later
// statement asking for more than the agreement leaves is a finding (R-settled-01).
std::vector<Finding> EvaluateRules(const std::vector<StoredDocument>& documents, const std::vector<Match>& matches,
                                   const std::string& today, const std::vector<Note>& notes = {});

}  // namespace shoebox::findings
