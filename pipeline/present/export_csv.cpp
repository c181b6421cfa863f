#include "pipeline/present/export_csv.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>

#include "pipeline/analysis/corrections.hpp"
#include "pipeline/core/figures.hpp"

namespace shoebox::exporter {
namespace {

// Rows of one table, written as CSV.
class Table {
 public:
  explicit Table(std::vector<std::string> columns) { Row(columns); }
  void Row(const std::vector<std::string>& cells) {
    for (size_t i = 0; i < cells.size(); ++i) text_ += (i ? "," : "") + CsvField(cells[i]);
    text_ += "\r\n";
  }
  std::string Text() const { return text_; }

 private:
  std::string text_;
};

std::string Dollars(std::optional<Cents> cents) {
  if (!cents) return "";
  Cents magnitude = *cents < 0 ? -*cents : *cents;
  std::string fraction = std::to_string(magnitude % 100);
  return (*cents < 0 ? "-" : "") + std::to_string(magnitude / 100) + "." + (fraction.size() == 1 ? "0" : "") + fraction;
}

std::string Number(std::optional<int> n) { return n ? std::to_string(*n) : ""; }

std::string Confidence(double confidence) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", confidence);
  return text;
}

std::string Joined(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& word : words) joined += (joined.empty() ? "" : " ") + word;
  return joined;
}

// A field's column: its export name, money without the "_cents" the dollars no longer are.
std::string ColumnOf(const Field& field) {
  return field.cents && field.name.ends_with("_cents") ? field.name.substr(0, field.name.size() - 6) : field.name;
}

std::string DocumentsTable(const std::vector<StoredDocument>& documents,
                           const std::map<std::string, std::string>& duplicate_of) {
  std::vector<std::string> field_columns;  // every field name, in the order first met
  for (const StoredDocument& stored : documents) {
    for (const Field& field : stored.document.fields) {
      if (std::find(field_columns.begin(), field_columns.end(), ColumnOf(field)) == field_columns.end())
        field_columns.push_back(ColumnOf(field));
    }
  }
  std::vector<std::string> columns = {"document_id",     "file",        "first_page", "last_page", "kind",
                                      "kind_confidence", "duplicate_of"};
  columns.insert(columns.end(), field_columns.begin(), field_columns.end());
  Table table(columns);
  for (const StoredDocument& stored : documents) {
    const Document& d = stored.document;
    auto twin = duplicate_of.find(stored.id);
    std::vector<std::string> row = {stored.id,
                                    stored.path,
                                    std::to_string(d.first_page),
                                    std::to_string(d.last_page),
                                    ToString(d.kind),
                                    Confidence(d.kind_confidence),
                                    twin == duplicate_of.end() ? "" : twin->second};
    row.resize(columns.size());
    for (const Field& field : d.fields) {
      size_t at = 7 + static_cast<size_t>(std::find(field_columns.begin(), field_columns.end(), ColumnOf(field)) -
                                          field_columns.begin());
      row[at] = field.cents ? Dollars(field.cents) : field.text;
    }
    table.Row(row);
  }
  return table.Text();
}

std::string LineItemsTable(const std::vector<StoredDocument>& documents) {
  Table table({"document_id", "file", "line", "date_of_service", "revenue_code", "code", "description", "units",
               "charge", "page", "confidence"});
  for (const StoredDocument& stored : documents) {
    int n = 0;
    for (const LineItem& item : stored.document.line_items) {
      table.Row({stored.id, stored.path, std::to_string(++n), item.date_of_service, item.revenue_code, item.code,
                 item.description, Number(item.units), Dollars(item.charge_cents), std::to_string(item.page),
                 Confidence(item.confidence)});
    }
  }
  return table.Text();
}

// The figures a claim and its lines share (figures.hpp), as columns: "billed", "plan_paid", ...
std::vector<std::string> FigureColumns() {
  std::vector<std::string> columns;
  for (const ClaimFigure& figure : kClaimFigures) columns.emplace_back(figure.name.substr(0, figure.name.size() - 6));
  return columns;
}

template <typename Holder>
std::vector<std::string> FiguresOf(const Holder& holder, std::optional<Cents> Holder::*ClaimFigure::*member) {
  std::vector<std::string> cells;
  for (const ClaimFigure& figure : kClaimFigures) cells.push_back(Dollars(holder.*(figure.*member)));
  return cells;
}

std::string ClaimsTable(const std::vector<StoredDocument>& documents) {
  std::vector<std::string> columns = {
      "document_id",    "file",   "claim",          "claim_number",      "provider_name",  "patient_account_number",
      "network_status", "status", "processed_date", "service_date_from", "service_date_to"};
  std::vector<std::string> figure_columns = FigureColumns();
  columns.insert(columns.end(), figure_columns.begin(), figure_columns.end());
  Table table(columns);
  for (const StoredDocument& stored : documents) {
    int n = 0;
    for (const Claim& claim : stored.document.claims) {
      std::vector<std::string> row = {stored.id,
                                      stored.path,
                                      std::to_string(++n),
                                      claim.claim_number,
                                      claim.provider_name,
                                      claim.patient_account_number,
                                      ToString(claim.network_status),
                                      ToString(claim.status),
                                      claim.processed_date,
                                      claim.service_date_from,
                                      claim.service_date_to};
      std::vector<std::string> figures = FiguresOf(claim, &ClaimFigure::of_claim);
      row.insert(row.end(), figures.begin(), figures.end());
      table.Row(row);
    }
  }
  return table.Text();
}

std::string ClaimLinesTable(const std::vector<StoredDocument>& documents) {
  std::vector<std::string> columns = {"document_id",     "file", "claim",      "claim_number", "line",
                                      "date_of_service", "code", "description"};
  std::vector<std::string> figure_columns = FigureColumns();
  columns.insert(columns.end(), figure_columns.begin(), figure_columns.end());
  columns.insert(columns.end(), {"remark_codes", "page", "confidence"});
  Table table(columns);
  for (const StoredDocument& stored : documents) {
    int c = 0;
    for (const Claim& claim : stored.document.claims) {
      ++c;
      int n = 0;
      for (const ClaimLine& line : claim.lines) {
        std::vector<std::string> row = {stored.id,          stored.path,         std::to_string(c),
                                        claim.claim_number, std::to_string(++n), line.date_of_service,
                                        line.code,          line.description};
        std::vector<std::string> figures = FiguresOf(line, &ClaimFigure::of_line);
        row.insert(row.end(), figures.begin(), figures.end());
        row.insert(row.end(), {Joined(line.remark_codes), std::to_string(line.page), Confidence(line.confidence)});
        table.Row(row);
      }
    }
  }
  return table.Text();
}

}  // namespace

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

Result<std::vector<std::pair<std::string, std::string>>> ExportCsv(store::Database& db) {
  auto documents = findings::LoadCorrected(db);
  if (!documents) return documents.error();
  auto twins = db.LoadTwins();
  if (!twins) return twins.error();
  auto found = db.LoadFindings();
  if (!found) return found.error();
  std::map<std::string, std::string> duplicate_of;
  for (const Twin& twin : *twins) duplicate_of[twin.document_id] = twin.duplicate_of;
  Table findings({"rule", "rule_id", "severity", "amount", "deadline", "summary", "next_step", "documents"});
  Table checks({"rule", "what_to_check", "summary", "next_step", "documents"});
  for (const Finding& finding : *found) {
    if (finding.to_check) {
      checks.Row({ToString(finding.rule), finding.what_to_check, finding.summary, finding.next_step,
                  Joined(finding.documents)});
    } else {
      findings.Row({ToString(finding.rule), finding.rule_id, ToString(finding.severity), Dollars(finding.amount_cents),
                    finding.deadline, finding.summary, finding.next_step, Joined(finding.documents)});
    }
  }
  return std::vector<std::pair<std::string, std::string>>{
      {"documents.csv", DocumentsTable(*documents, duplicate_of)},
      {"line_items.csv", LineItemsTable(*documents)},
      {"claims.csv", ClaimsTable(*documents)},
      {"claim_lines.csv", ClaimLinesTable(*documents)},
      {"findings.csv", findings.Text()},
      {"to_check.csv", checks.Text()},
  };
}

}  // namespace shoebox::exporter
