# tests/batch.cmake — the script tests of `budgetx batch` and `budgetx db`
# (included by tests/CMakeLists.txt after scripts.cmake, whose budget_python,
# budget_exe and budget_shared it uses).
#
#   batch_cli            the samples end to end: rows equal the JSON's, exact
#                        amounts, duplicates, errors, crash/hang/memory
#                        isolation, rerun/--force, shards + merge, export, schema
#   batch_kill_resume    kill -9 at many moments, rerun: the database equals an
#                        uninterrupted run's
#   batch_readme_queries the README's example queries run as written (sqlite3)
#                        and give the answers computed from the JSON
#   batch_slurm          a real single-node Slurm (slurm-wlm, munge) in a temp
#                        folder runs deploy/slurm/ over ../shared/corpus/real;
#                        the merged shards equal one batch.  Label `slurm`;
#                        SKIPPED (77) without ../shared, root or Slurm.
if(NOT budget_python)
  return()
endif()

add_test(NAME batch_cli
  COMMAND ${budget_python} ${CMAKE_CURRENT_LIST_DIR}/batch_cli.py ${budget_exe} ${PROJECT_SOURCE_DIR})
set_tests_properties(batch_cli PROPERTIES LABELS "batch" TIMEOUT 900)

add_test(NAME batch_kill_resume
  COMMAND ${budget_python} ${CMAKE_CURRENT_LIST_DIR}/batch_kill_resume.py ${budget_exe} ${PROJECT_SOURCE_DIR})
set_tests_properties(batch_kill_resume PROPERTIES LABELS "batch" TIMEOUT 300)

add_test(NAME batch_readme_queries
  COMMAND ${budget_python} ${CMAKE_CURRENT_LIST_DIR}/batch_readme_queries.py ${budget_exe}
          ${PROJECT_SOURCE_DIR} ${budget_shared})
set_tests_properties(batch_readme_queries PROPERTIES LABELS "batch" TIMEOUT 300)

add_test(NAME batch_slurm
  COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/batch_slurm.sh ${budget_exe} ${PROJECT_SOURCE_DIR} ${budget_shared})
set_tests_properties(batch_slurm PROPERTIES LABELS "slurm;batch" SKIP_RETURN_CODE 77 TIMEOUT 300)
