// What makes a paper medical: the words of care, its people and its payers. An invoice for cloud
// services, a utility bill or an order confirmation says "Account Number", "Amount Due" and "detach
// and return" as a provider's statement does; it never names a patient, a diagnosis, a date of
// service or a deductible. Strong words name medicine outright; weak ones (insurance, provider,
// visit) are said of other things too and only count together.
#include "extractors/kinds/kind.hpp"

namespace shoebox::extractors {

const std::vector<Cue>& MedicalEvidence() {
  static const std::vector<Cue> kCues = [] {
    const std::vector<std::string_view> strong = {
        // who and where care is given
        "patient", "physician", "hospital", "clinic", "medical", "medicine", "healthcare", "health care",
        "health system", "health plan", "surgery", "surgical", "radiology", "laborator", "diagnos", "pathology",
        "anesthesia", "emergency", "urgent care", "pediatric", "cardiology", "orthopedic", "dental", "dentist",
        "nursing", "ambulance", "therapy", "imaging",
        // who pays for it, and what the person owes of it
        "medicare", "medicaid", "guarantor", "deductible", "copay", "co-pay", "coinsurance", "co-insurance",
        "explanation of benefits",
        // what was done
        "date of service", "dates of service", "service date", "procedure", "cpt", "hcpcs", "rev code", "revenue code"};
    const std::vector<std::string_view> weak = {"insurance", "insured", "health",   "provider",
                                                "treatment", "visit",   "pharmacy", "claim"};
    std::vector<Cue> cues;
    for (std::string_view word : strong) cues.push_back({word, 3});
    for (std::string_view word : weak) cues.push_back({word, 1});
    return cues;
  }();
  return kCues;
}

}  // namespace shoebox::extractors
