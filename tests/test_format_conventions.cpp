// The format conventions (format/): namespace URIs, TBX picklists, ids.
#include <gtest/gtest.h>

#include <string>

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

TEST(FormatConventions, AdministrativeStatus) {
  EXPECT_EQ(picklist::administrative_status("preferredTerm"), Status::preferred);
  EXPECT_EQ(picklist::administrative_status("admittedTerm-admn-sts"), Status::admitted);
  EXPECT_EQ(picklist::administrative_status("deprecatedTerm"), Status::deprecated);
  EXPECT_EQ(picklist::administrative_status("supersededTerm-admn-sts"), Status::deprecated);
  EXPECT_FALSE(picklist::administrative_status("-admn-sts"));
  EXPECT_FALSE(picklist::administrative_status("preferred"));
  EXPECT_FALSE(picklist::administrative_status("preferredTerm-admn-sts-admn-sts"));
  // What is written reads back.
  for (Status s : {Status::preferred, Status::admitted, Status::deprecated}) {
    EXPECT_EQ(picklist::administrative_status(picklist::normative_authorization(s)), s);
    EXPECT_EQ(picklist::administrative_status(picklist::administrative_status_value(s)), s);
  }
  EXPECT_EQ(picklist::administrative_status_value(Status::admitted), "admittedTerm-admn-sts");
}

TEST(FormatConventions, UsageStatus) {
  EXPECT_EQ(picklist::usage_status("preferred"), Status::preferred);
  EXPECT_EQ(picklist::usage_status("admitted"), Status::admitted);
  EXPECT_EQ(picklist::usage_status("notRecommended"), Status::deprecated);
  EXPECT_EQ(picklist::usage_status("obsolete"), Status::deprecated);
  EXPECT_EQ(picklist::usage_status("deprecated"), Status::deprecated);
  EXPECT_FALSE(picklist::usage_status("preferredTerm"));
}

TEST(FormatConventions, TermTypes) {
  EXPECT_EQ(picklist::term_kind("fullForm"), TermKind::full_form);
  EXPECT_EQ(picklist::term_kind("acronym"), TermKind::abbreviation);
  EXPECT_EQ(picklist::term_kind("clippedTerm"), TermKind::abbreviation);
  EXPECT_EQ(picklist::term_kind("formula"), TermKind::symbol);
  EXPECT_EQ(picklist::term_kind("variant"), TermKind::other);
  EXPECT_EQ(picklist::term_kind("phraseologicalUnit"), TermKind::other);
  EXPECT_EQ(picklist::term_type(TermKind::full_form), "fullForm");
  EXPECT_EQ(picklist::term_type(TermKind::abbreviation), "abbreviation");
  EXPECT_EQ(picklist::term_type(TermKind::symbol), "symbol");
  EXPECT_EQ(picklist::term_type(TermKind::other), "variant");
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
