// The format conventions (format/): namespace URIs, TBX picklists, ids.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>

#include "format/ids.hpp"
#include "format/namespaces.hpp"
#include "format/tbx_picklists.hpp"

namespace {

using termgraph::Status;
using termgraph::TermKind;
namespace ids = termgraph::ids;
namespace ns = termgraph::xml_namespace;
namespace picklist = termgraph::tbx_picklist;

TEST(FormatConventions, Namespaces) {
  EXPECT_EQ(ns::native, "urn:termgraph:vocabulary:1");
  EXPECT_EQ(ns::tbx3, "urn:iso:std:iso:30042:ed-2");
  EXPECT_TRUE(ns::is_sts_tbx(ns::sts_tbx));
  EXPECT_TRUE(ns::is_sts_tbx("urn:iso:std:iso:30042:ed-1:v1:en"));
  EXPECT_TRUE(ns::is_sts_tbx(ns::tbx3));
  EXPECT_FALSE(ns::is_sts_tbx(ns::native));
  EXPECT_FALSE(ns::is_sts_tbx(""));
}

TEST(FormatConventions, StatusPicklists) {
  const std::pair<const char*, std::optional<Status>> administrative[] = {
      {"preferredTerm", Status::preferred},
      {"admittedTerm-admn-sts", Status::admitted},
      {"deprecatedTerm", Status::deprecated},
      {"supersededTerm-admn-sts", Status::deprecated},
      {"-admn-sts", std::nullopt},
      {"preferred", std::nullopt},
      {"preferredTerm-admn-sts-admn-sts", std::nullopt},
  };
  for (const auto& [value, status] : administrative) {
    EXPECT_EQ(picklist::administrative_status(value), status) << value;
  }
  const std::pair<const char*, std::optional<Status>> usage[] = {
      {"preferred", Status::preferred},       {"admitted", Status::admitted},
      {"notRecommended", Status::deprecated}, {"obsolete", Status::deprecated},
      {"deprecated", Status::deprecated},     {"preferredTerm", std::nullopt},
  };
  for (const auto& [value, status] : usage) {
    EXPECT_EQ(picklist::usage_status(value), status) << value;
  }
  // What is written reads back.
  for (Status s : {Status::preferred, Status::admitted, Status::deprecated}) {
    EXPECT_EQ(picklist::administrative_status(picklist::normative_authorization(s)), s);
    EXPECT_EQ(picklist::administrative_status(picklist::administrative_status_value(s)), s);
  }
  EXPECT_EQ(picklist::administrative_status_value(Status::admitted), "admittedTerm-admn-sts");
}

TEST(FormatConventions, TermTypes) {
  const std::pair<const char*, TermKind> read[] = {
      {"fullForm", TermKind::full_form},
      {"acronym", TermKind::abbreviation},
      {"clippedTerm", TermKind::abbreviation},
      {"formula", TermKind::symbol},
      {"variant", TermKind::other},
      {"phraseologicalUnit", TermKind::other},
  };
  for (const auto& [value, kind] : read) EXPECT_EQ(picklist::term_kind(value), kind) << value;
  const std::pair<TermKind, const char*> written[] = {
      {TermKind::full_form, "fullForm"},
      {TermKind::abbreviation, "abbreviation"},
      {TermKind::symbol, "symbol"},
      {TermKind::other, "variant"},
  };
  for (const auto& [kind, value] : written) EXPECT_EQ(picklist::term_type(kind), value);
}

TEST(FormatConventions, Ids) {
  EXPECT_EQ(ids::term_id("3.7"), "term_3.7");
  EXPECT_EQ(ids::section_id("3"), "sec_3");
  EXPECT_EQ(ids::number_in_id("term_3.7"), "3.7");
  EXPECT_EQ(ids::number_in_id("sec_3.7"), "3.7");
  EXPECT_EQ(ids::number_in_id("iso_704_term_3.7"), "3.7");
  EXPECT_EQ(ids::number_in_id("term_3.7--2"), "3.7");
  EXPECT_EQ(ids::number_in_id("xterm_3.7"), "");
  EXPECT_EQ(ids::number_in_id("term_x"), "");
  EXPECT_EQ(ids::after_prefix("term_3.30"), "3.30");
  EXPECT_EQ(ids::after_prefix("sec_a"), "a");
  EXPECT_EQ(ids::after_prefix("term_"), "");
  EXPECT_EQ(ids::after_prefix("x_term_1"), "");
  EXPECT_EQ(ids::position_key(12), "entry-12");
  EXPECT_EQ(ids::xml_id("3.7", ""), "3.7");
  EXPECT_EQ(ids::xml_id("102\xE2\x80\x91"
                        "01",
                        "c-"),
            "c-102-01");
  EXPECT_EQ(ids::xml_id("caf\xC3\xA9 x", "c-"), "caf__x");
}

TEST(FormatConventions, UniqueIdsGetTheDuplicateSuffix) {
  ids::UniqueIds used;
  EXPECT_EQ(used.add("term_1"), "term_1");
  EXPECT_EQ(used.add("term_1"), "term_1--2");
  EXPECT_EQ(used.add("term_1"), "term_1--3");
  EXPECT_EQ(used.add("term_2"), "term_2");
  EXPECT_EQ(ids::number_in_id(used.add("term_2")), "2");
}

}  // namespace
