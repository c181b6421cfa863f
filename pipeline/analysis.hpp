// The database as the matcher and the rules see it: the stored documents less the extra copies of
// one paper (linked as twins), and the matches among the rest. Shared by the findings refresh, the
// accounts and episodes views, and the export, so all of them count each paper once.
#pragma once

#include <vector>

#include "pipeline/findings.hpp"
#include "pipeline/result.hpp"
#include "pipeline/store.hpp"

namespace shoebox::findings {

struct Analysis {
  std::vector<StoredDocument> documents;  // one per paper
  std::vector<Twin> twins;                // the extra copies, and the copy each stands behind
  std::vector<Match> matches;
};

Result<Analysis> Analyse(store::Database& db);

}  // namespace shoebox::findings
