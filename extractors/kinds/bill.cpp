// A provider's bill for medical care (an invoice worded like one is `other`): the letterhead names
// the provider; summary figures beside their labels; an itemized table of charges where the
// statement itemizes; what it says of insurance.
#include "extractors/kinds/kind.hpp"

namespace shoebox::extractors {

const KindSpec& BillKind() {
  static const KindSpec kBill{
      .kind = DocumentKind::kBill,
      .cues = {{"statement date", 3}, {"amount due", 3}, {"balance due", 3}, {"please pay", 3}, {"guarantor", 2},
               {"detach and return", 3}, {"account number", 1}, {"total charges", 1}, {"pay by", 1}},
      .evidence = MedicalEvidence(),
      .fields = {{.reader = Reader::kLetterhead, .field = "provider_name"},
                 {.reader = Reader::kLabels, .field = "bill"},
                 {.reader = Reader::kAddressee, .field = "guarantor_name"},
                 {.reader = Reader::kMailingAddress, .field = "mailing_address"},
                 {.reader = Reader::kSenderAddress, .field = "sender_address"},
                 {.reader = Reader::kWordsSay,
                  .field = "insurance_status",
                  .choices = {{"pending", {"pending insurance", "insurance pending", "awaiting insurance"}, ""},
                              {"billed", {"billed to insurance"}, ""},
                              {"processed", {"insurance has processed"}, "insurance_paid_cents"}}}},
      .line_items = true,
      .identities = {{.check = "line_items_sum_to_total_charges",
                      .required = {{"total_charges_cents", -1}},
                      .with_line_item_charges = true},
                     {.check = "amount_due_equals_charges_less_credits",
                      .required = {{"total_charges_cents", +1}, {"amount_due_cents", -1}},
                      .optional = {{"insurance_paid_cents", -1, true},
                                   {"adjustments_cents", -1, true},
                                   {"patient_paid_cents", -1, true},
                                   {"insurance_pending_cents", -1, true}}}},
  };
  return kBill;
}

}  // namespace shoebox::extractors
