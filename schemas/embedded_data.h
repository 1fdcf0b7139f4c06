// schemas/embedded_data.h — the registry files of schemas/, compiled in.
#pragma once

namespace budget::schemas {

// The text of schemas/table_kinds.json: table kinds with their title
// patterns, and header label -> column key fragments.
const char* table_kinds_json();

}  // namespace budget::schemas
