// A collection letter, laid out after the CFPB's model validation notice: the collector names
// itself in a sentence ("… is a debt collector"), several figures and dates are said in sentences
// rather than beside labels, and the itemization carries the debt to today's amount.
#include "extractors/kinds/kind.hpp"

namespace shoebox::extractors {

const KindSpec& CollectionLetterKind() {
  static const KindSpec kLetter{
      .kind = DocumentKind::kCollectionLetter,
      .cues = {{"debt collector", 8}, {"collection agency", 5}, {"itemization date", 4}, {"dispute", 2},
               {"validation", 2}, {"final notice", 3}, {"original creditor", 3}},
      .fields = {{.reader = Reader::kNameBeforePhrase, .field = "collector_name", .phrase = {"is", "a", "debt", "collector"}},
                 {.reader = Reader::kLetterhead, .field = "collector_name"},
                 {.reader = Reader::kLabels, .field = "collection_letter"},
                 {.reader = Reader::kValueAfterPhrase, .field = "validation_end_date", .phrase = {"write", "to", "us", "by"}},
                 {.reader = Reader::kValueAfterPhrase, .field = "itemization_date", .phrase = {"as", "of"}},
                 // It outranks a "current creditor" label, which the model notice also uses in prose.
                 {.reader = Reader::kSentenceAfterPhrase,
                  .field = "current_creditor",
                  .phrase = {"you", "owe", "to"},
                  .outranks = true},
                 {.reader = Reader::kDateAloneAtTop, .field = "letter_date"},
                 {.reader = Reader::kMailingAddress, .field = "mailing_address"},
                 {.reader = Reader::kSenderAddress, .field = "sender_address"}},
      .identities = {{.check = "current_amount_equals_itemization_plus_changes",
                      .required = {{"amount_on_itemization_date_cents", +1}, {"current_amount_cents", -1}},
                      .optional = {{"interest_cents", +1, true},
                                   {"fees_cents", +1, true},
                                   {"payments_cents", -1, true},
                                   {"credits_cents", -1, true}}}},
  };
  return kLetter;
}

}  // namespace shoebox::extractors
