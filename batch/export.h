// batch/export.h — `budgetx db export`: a table or view of the batch
// database as CSV or JSON Lines, for spreadsheets and other tools.
//
//   export_table(db, "tidy_cells", ExportFormat::kCsv, /*bom=*/true, std::cout);
//   sha256,entity,year,doc_kind,table_kind,…,amount       (header line, then one line a row)
//   export_table(db, "projects", ExportFormat::kJsonl, false, std::cout);
//   {"doc_id":…,"project_no":0,"form":"performance_table","name":"…",…}
//
// Values as stored: integers as digits, exact decimal amounts as their text
// (a JSON string in JSON Lines, never a float), NULL as an empty CSV field or
// JSON null.  CSV fields are quoted by libcsv; `bom` starts the output with a
// UTF-8 byte order mark, which spreadsheet programs need to read UTF-8.
// Throws budget::Error("usage.table") for a name that is no table or view.
#pragma once

#include <ostream>
#include <string>

#include "batch/sqlite.h"

namespace budget::batch {

enum class ExportFormat { kCsv, kJsonl };

void export_table(Connection& db, const std::string& table, ExportFormat format, bool bom,
                  std::ostream& out);

}  // namespace budget::batch
