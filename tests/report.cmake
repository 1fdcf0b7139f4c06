# tests/report.cmake — script tests of the review page (report/), included by
# tests/CMakeLists.txt.
#
#   report_box_accuracy  every row of ../shared/corpus/real: the pdftotext -bbox
#                        words inside its box hold its name and amounts, for
#                        >= 99.5 % of rows.  SKIPPED (77) without the corpus.
#   report_browser       headless Chromium loads the report of every sample and
#                        real PDF: every table title, exactly the failed checks
#                        of the JSON, page images with the row boxes, no network
#                        request, a screenshot that is not blank, under 5 MB per
#                        30 pages.  SKIPPED (77) without chromium.
if(EXISTS /usr/bin/python3)
  set(report_python /usr/bin/python3)
else()
  set(report_python ${Python3_EXECUTABLE})
endif()
if(NOT report_python)
  return()
endif()

add_test(NAME report_box_accuracy
  COMMAND ${report_python} ${CMAKE_CURRENT_LIST_DIR}/report_box_accuracy.py
          --budgetx $<TARGET_FILE:budgetx> --min 99.5 ${PROJECT_SOURCE_DIR}/../shared/corpus/real
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(report_box_accuracy PROPERTIES LABELS "corpus;report" SKIP_RETURN_CODE 77 TIMEOUT 300)

add_test(NAME report_browser
  COMMAND ${report_python} ${CMAKE_CURRENT_LIST_DIR}/report_browser.py --budgetx $<TARGET_FILE:budgetx>
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(report_browser PROPERTIES LABELS "browser;report" SKIP_RETURN_CODE 77 TIMEOUT 900)
