# Writes IN's bytes into OUT as the body of budget::schemas::table_kinds_json().
file(READ ${IN} content)
file(WRITE ${OUT} "#include \"schemas/embedded_data.h\"\n\nnamespace budget::schemas {\n\nconst char* table_kinds_json() {\n  return R\"budgetx_json(${content})budgetx_json\";\n}\n\n}  // namespace budget::schemas\n")
