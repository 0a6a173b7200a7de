"""Facts the course once got wrong (issue 12), checked so the errors cannot come back.

Each test names the error it guards against. The sources are described in takedown/data/sources.csv.
"""

import json
import re

import pandas as pd
import pytest

from takedown import data, framing
from takedown.charts import briefing, network
from takedown.charts import countries as country_charts
from takedown.questions import questions_for

NOTEBOOKS = sorted((data.COURSE_DIR / "notebooks").glob("*.ipynb")) + sorted(
    (data.COURSE_DIR / "solutions").glob("*.ipynb")
)
DISPUTED = {"BGR", "FRA", "ROU"}


def cells(kind):
    """(notebook name, index, source) of every cell of this kind in the lessons and answer keys."""
    found = []
    for path in NOTEBOOKS:
        for index, cell in enumerate(json.loads(path.read_text(encoding="utf-8"))["cells"]):
            if cell["cell_type"] == kind:
                found.append((f"{path.parent.name}/{path.name}", index, "".join(cell["source"])))
    return found


def markdown_of(name):
    return "\n".join(source for notebook, _, source in cells("markdown") if notebook.endswith(name))


def inside_quotation(text, position):
    """Whether a position in a line of text falls between quotation marks (straight or curly)."""
    before = text[text.rfind("\n", 0, position) + 1 : position]
    return (before.count('"') + before.count("“") - before.count("”")) % 2 == 1


# ---- 1. Europol coordinated; the Belgian Federal Prosecutor's Office led ------------------------


def test_no_lesson_says_europol_led_except_when_quoting():
    """The article's "Europol has led" is taught as an error, never repeated as a fact."""
    pattern = re.compile(r"(?i)\bEuropol\s+(?:has\s+)?led\b|\bled\s+by\s+Europol\b")
    repeated = [
        (notebook, index, found.group())
        for notebook, index, source in cells("markdown")
        for found in pattern.finditer(source)
        if not inside_quotation(source, found.start())
    ]
    assert not repeated, repeated


def test_lesson_01_teaches_the_error_with_the_primary_source():
    lesson = markdown_of("notebooks/01_the_article.ipynb")
    assert '*"Europol has led a joint operation"*' in lesson
    assert "Led by the Belgian Federal Prosecutor's Office" in lesson and "coordinated by" in lesson
    assert "it is wrong" in lesson and "rewrite" in lesson


def test_the_data_keep_leader_and_coordinator_apart():
    links = data.network_links().set_index(["from_node", "to_node"])
    assert links.loc[("bel", "operation"), "relation"] == "led"
    assert links.loc[("eu_iru", "operation"), "relation"] == "coordinated"
    assert data.countries().set_index("iso3").loc["BEL", "role"] == "led the operation"
    statement = data.sources().set_index("source").loc["europol_statement_copy", "url"]
    assert links.loc[("bel", "operation"), "source"] == "europol_statement_copy" and statement.startswith("https://")


# ---- 2 and 3. Two primary voices disagree: every role says whose account it is -----------------


def test_every_country_role_names_its_account_and_the_disputed_ones_their_rival():
    countries = data.countries().set_index("iso3")
    assert (countries["role_account"].str.strip() != "").all()
    assert countries["disputed"].dtype == bool
    assert set(countries.index[countries["disputed"]]) == DISPUTED
    assert countries.loc[list(DISPUTED), "other_account"].str.contains("Belgian Federal Prosecutor").all()
    assert (countries.loc[~countries["disputed"], "other_account"] == "").all()


def test_disputed_countries_are_where_the_two_reports_differ():
    reports = data.seizure_reports()
    by_source = reports.pivot(index="iso3", columns="source", values="reported")
    differ = set(by_source.index[by_source.nunique(axis=1) > 1])
    assert differ == set(data.countries().query("disputed")["iso3"])


def test_the_split_is_credited_to_europol_not_to_a_republication():
    """The three-way split is Europol's account, cited from the Guardian, not the Amsterdam Times copy."""
    for name, loader in data.TABLES.items():
        table = loader()
        for column in ("source", "role_source"):
            if column in table.columns and name != "sources":
                assert "amsterdam_times" not in set(table[column]), f"{name}.{column}"
    reports = data.seizure_reports()
    europol = reports[reports["source"] == "guardian_isis_2018"]
    assert europol["account"].str.startswith("Europol").all()
    assert "Sky News" in data.sources().set_index("source").loc["amsterdam_times", "title"]
    linked = [notebook for notebook, _, source in cells("markdown") if "amsterdamtimes.info" in source]
    assert not linked, linked


def test_lesson_02_does_not_pretend_one_press_release_settles_it():
    lesson = markdown_of("notebooks/02_countries.ipynb")
    assert "two primary accounts" in lesson.lower() and "two primary voices" not in lesson.lower()
    assert "would **not** settle it" in lesson
    assert "look harder at the\n  shorter account" not in lesson and "shorter account" not in lesson


def test_roles_chart_says_whose_account_and_hatches_the_disputed_bars():
    chart = country_charts.roles_chart()
    ax = chart.figure.axes[0]
    assert "Europol's account" in ax.get_title()
    ticks = [tick.get_text() for tick in ax.get_yticklabels()]
    assert "seized digital evidence (accounts differ)" in ticks
    hatched = [patch for patch in ax.patches if patch.get_hatch()]
    assert len(hatched) == 1
    note = " ".join(text.get_text() for text in chart.figure.texts)
    assert "Belgian Federal Prosecutor" in note and "Bulgaria, France and Romania" in note
    assert "in Europol's account" in chart.alt_text and "another account differs" in chart.alt_text


@pytest.mark.parametrize("make", [country_charts.country_map, country_charts.static_country_map])
def test_maps_say_whose_account_and_mark_the_disputed_roles(make):
    chart = make()
    figure = chart.figure
    if hasattr(figure, "layout"):
        title = figure.layout.title.text
        legend = {trace.name for trace in figure.data if trace.showlegend is not False}
        hovers = " ".join(trace.text for trace in figure.data if isinstance(trace.text, str))
        assert "Europol's account" in hovers and "another account differs" in hovers
    else:
        title = " ".join(figure._suptitle.get_text().split())
        legend = {text.get_text() for text in figure.legends[0].get_texts()}
    assert "Europol's account" in title and "Belgian Federal Prosecutor" in title
    assert "seized digital evidence (accounts differ)" in legend
    assert "for Bulgaria, France and Romania another account differs" in chart.alt_text


def test_briefing_panel_of_roles_says_whose_account():
    panel = briefing.PANELS["countries"]
    assert "Europol's account" in panel.title
    assert "Europol's account" in panel.alt_text() and "(accounts differ)" in panel.alt_text()
    assert "seized digital evidence (accounts differ)" in list(panel.trace().y)
    assert any("Guardian" in name for name in briefing.panel_sources("countries"))


def test_network_links_name_their_account_and_draw_disputed_ones_dashed():
    links = data.network_links()
    assert (links["account"].str.strip() != "").all()
    assert set(links["disputed"]) <= {"yes", "no"}
    disputed = links[links["disputed"] == "yes"]
    iso3 = data.network_nodes().set_index("node")["iso3"]
    assert set(disputed["from_node"].map(iso3)) == DISPUTED and set(disputed["to_node"]) == {"evidence"}
    assert (disputed["account"] == "Europol").all()
    assert disputed["note"].str.contains("Belgian Federal Prosecutor").all()
    ax = network.network_chart().figure.axes[0]
    dashed = [line for line in ax.lines if line.get_linestyle() not in ("-", "solid")]
    assert len(dashed) == len(disputed)
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    assert any("Europol's account" in label for label in labels)
    interactive = network.interactive_network_chart().figure
    assert any(
        (trace.name or "").startswith("link where accounts differ") and trace.line.dash == "dash"
        for trace in interactive.data
    )


def test_every_table_of_roles_in_a_notebook_shows_its_account():
    """A code cell that shows the `role` column also shows `role_account` (lessons 00, 02; exercise 02)."""
    shown = [
        (notebook, index)
        for notebook, index, source in cells("code")
        for columns in re.findall(r"\[\[([^\]]*)\]\]", source)
        if '"role"' in columns and '"role_account"' not in columns
    ]
    assert not shown, shown


def test_seizure_report_table_in_lesson_02_prints_whose_account():
    lesson = [source for notebook, _, source in cells("code") if notebook == "notebooks/02_countries.ipynb"]
    assert any("seizure_reports()" in source and '"account"' in source and "print(" in source for source in lesson)


# ---- 4. The capstone does not credit the operation with Twitter's figures -----------------------


def test_capstone_no_longer_calls_twitters_fall_the_headline():
    for name in ("notebooks/08_capstone.ipynb", "solutions/08_capstone.ipynb"):
        assert "headline number" not in markdown_of(name), name


# ---- 5. EU law in April 2018, the Regulation's fine and the Digital Services Act -----------------


@pytest.fixture(scope="module")
def instruments():
    return data.policy_instruments().set_index("instrument")


def test_lesson_07_does_not_say_the_legislation_did_not_exist():
    lesson = markdown_of("notebooks/07_policy_and_framing.ipynb")
    assert "did\nnot exist yet" not in lesson and "did not exist yet" not in lesson
    assert "Directive (EU) 2017/541" in lesson and "Article 21" in lesson
    assert "Digital Services Act" in lesson


def test_directive_2017_541_was_binding_before_april_2018(instruments):
    directive = instruments.loc["dir_2017_541"]
    assert directive["binding"] and directive["kind"] == "directive"
    assert "prompt removal" in directive["who_can_require_removal"]
    assert pd.isna(directive["removal_deadline_hours"])
    assert "15 March 2017" in directive["note"]
    assert "Article 21" in directive["source_url"] or "2017541" in directive["source_url"]


def test_the_digital_services_act_is_in_the_policy_table(instruments):
    dsa = instruments.loc["dsa_2022_2065"]
    assert dsa["binding"] and "2022/2065" in dsa["name"]
    assert "eur-lex.europa.eu" in dsa["source_url"] and dsa["source_kind"] == "primary"
    assert "19 October 2022" in dsa["note"] and "17 February 2024" in dsa["note"]


def test_the_regulations_fine_follows_what_the_course_has_read(instruments):
    """4% is the European Parliament's reading; until Article 18(3) is read on EUR-Lex the cell stays empty."""
    regulation = instruments.loc["reg_2021_784"]
    parliament = data.sources().set_index("source").loc["europarl_oeil_2021_784"]
    assert "4%" in parliament["title"] and parliament["kind"] == "primary"
    assert "up to 4% of global turnover" in regulation["penalties"]
    assert "not checked Article 18(3) on EUR-Lex" in regulation["penalties"]
    assert pd.isna(regulation["max_fine_pct_of_global_turnover"])
    assert instruments.loc["com_2018_640", "max_fine_pct_of_global_turnover"] == 4


# ---- 6. The ICCT assessment is used, for what it is ---------------------------------------------


@pytest.mark.parametrize("name", ["notebooks/05_measuring.ipynb", "notebooks/08_capstone.ipynb"])
def test_lessons_use_the_icct_assessment_without_overstating_it(name):
    lesson = markdown_of(name)
    assert "icct.nl/publication/assessing-europols-operation" in lesson
    assert '*"difficult to assess"*' in lesson or '*"difficult to\n   assess"*' in lesson
    assert "nobody published such a measure" not in lesson


# ---- 7 and 8. Disrupting Daesh: which publication, and who paid ---------------------------------


def test_disrupting_daesh_is_dated_by_what_is_meant():
    sources = data.sources().set_index("source")
    assert "2017" in sources.loc["voxpol_disrupting_daesh_2017", "title"]
    assert "journal article" in sources.loc["conway_2019_paper", "title"]
    assert "2017" in sources.loc["conway_2017_summary", "title"]
    event = data.events().set_index("id").loc["disrupting_daesh"]
    assert "journal article" in event["event"] and "VOX-Pol report in 2017" in event["event"]
    conway = data.research_findings().query("study_source == 'conway_2019_paper'")
    assert conway["publication"].str.contains("2017 VOX-Pol report").all()
    for notebook, index, source in cells("markdown"):
        for found in re.finditer(r"Disrupting Daesh[^\n]{0,40}2019", source):
            assert "journal article" in source[found.start() : found.end() + 80], (notebook, index)


def test_funders_are_disclosed_where_the_sources_disclose_them():
    sources = data.sources().set_index("source")
    for source in ("voxpol_disrupting_daesh_2017", "conway_2017_summary", "conway_2019_paper", "crest_telegram_2021"):
        assert "Home Office" in sources.loc[source, "funder"], source
    timeline = markdown_of("notebooks/04_timeline.ipynb")
    assert "almost every source above is a police agency" not in timeline
    assert "Home Office" in timeline and "funder" in timeline
    assert "Home Office" in markdown_of("notebooks/05_measuring.ipynb")


# ---- 9. Small facts ----------------------------------------------------------------------------


def test_quote_table_and_framing_table_agree_on_each_phrase():
    """'main mouthpiece of IS' is the same kind of words in lesson 07's two tables."""
    quotes = data.quotes().set_index("quote")
    for phrase, (voice, who) in framing.FRAMING.items():
        if phrase in quotes.index:
            assert quotes.loc[phrase, "kind"] == voice, phrase
            assert quotes.loc[phrase, "speaker"] == who, phrase
    mouthpiece = quotes.loc["main mouthpiece of IS"]
    assert mouthpiece["found_elsewhere"].startswith("yes") and "not verified" in mouthpiece["note"]


def test_belgium_led_the_operation_not_the_investigation():
    for notebook, index, source in cells("markdown") + cells("code"):
        assert "led the investigation" not in source, (notebook, index)


def test_nato_founding_dates_are_marked_secondary_in_data_and_text():
    nato = data.memberships().query("organisation == 'NATO' and joined == '1949'")
    assert (nato["source_kind"] == "secondary").all()
    lesson = markdown_of("notebooks/02_countries.ipynb")
    assert "NATO's own sites" not in lesson and "**secondary** source" in lesson


def test_the_regulation_entered_into_force_twenty_days_after_publication():
    """OJ L 172 of 17 May 2021 + 20 days (Article 24) is 6 June 2021; it applies from 7 June 2022."""
    events = data.events().set_index("id")
    assert events.loc["reg_2021_784_in_force", "date"] == pd.Timestamp("2021-05-17") + pd.Timedelta(days=20)
    assert events.loc["reg_2021_784_applies", "date"] == pd.Timestamp("2022-06-07")
    assert (
        "6 June 2021" in data.sources().set_index("source").loc[events.loc["reg_2021_784_in_force", "source"], "title"]
    )


# ---- Second review (2026-11-30): what a directive binds, who gave a figure, quotes vs paraphrase ----


def test_the_directive_is_taught_with_its_transposition_deadline_and_its_limits(instruments):
    directive = instruments.loc["dir_2017_541"]
    assert "8 September 2018" in directive["note"] and "UK, Ireland or Denmark" in directive["note"]
    lesson = markdown_of("notebooks/07_policy_and_framing.ipynb")
    assert "until 8 September 2018" in lesson and "was already binding in April 2018" not in lesson
    assert "8 September 2018" in questions_for("lesson_07")[0].verdict("b").message


def test_a_paraphrase_of_the_un_experts_is_not_shown_as_their_words():
    """The OHCHR release paraphrases the experts on 'removing lawful content'; only the journalists passage is theirs."""
    lesson = markdown_of("notebooks/07_policy_and_framing.ipynb")
    assert '"would likely result in' not in lesson and "likely lead platforms to remove lawful content" in lesson
    assert '*"reporting conducted by journalists and human rights\n  organisations"*' in lesson


def test_the_eu_iru_figures_of_july_2017_are_credited_to_the_uk_home_office():
    lesson = markdown_of("notebooks/05_measuring.ipynb")
    assert "UK Home Office told Parliament" in lesson
    assert "Europol's unit reported in July 2017" not in lesson and "by its own account" not in lesson
    referrals = data.referrals()
    assert set(referrals.loc[referrals["as_of"] == "2017-07-07", "source"]) == {"uk_pq_2017_eu_iru"}


def test_no_check_calls_a_sentence_about_eight_countries_seizing_servers_fine():
    lesson = markdown_of("notebooks/08_capstone.ipynb") + markdown_of("notebooks/00_start_here.ipynb")
    assert "police from eight countries seized servers" not in lesson
    assert "police from eight countries, coordinated by Europol" not in lesson


def test_the_content_note_gives_the_uk_law_as_amended_in_2019():
    note = "".join(
        json.loads((data.COURSE_DIR / "notebooks" / "01_the_article.ipynb").read_text())["cells"][0]["source"]
    )
    # Issue 18: s.58 is about information useful to a terrorist (viewing online since 2019), s.2 TA 2006 about
    # disseminating terrorist publications, and laws differ by country.
    assert (
        "(since 2019) view online information of a kind likely to be useful" in note
        and "student support service" in note
    )
    assert "laws differ by country" in note and "disseminate terrorist publications" in note
    guide = (data.COURSE_DIR / "solutions" / "README.md").read_text()
    assert "Counter-Terrorism and Border Security Act 2019" in guide and "not a permission" in guide


# ---- Issue 18: links that exposed students, and the sources that replace them ---------------------------------


def test_al_bayan_is_sourced_to_a_page_that_describes_and_plays_nothing():
    """PRI's page of 22 April 2015 plays an al-Bayan excerpt; Rudaw (30 August 2015) describes the station in text."""
    sources = data.sources().set_index("source")
    assert "pri_albayan_2015" not in sources.index
    al_bayan = data.outlets().set_index("outlet").loc["Al-Bayan"]
    assert al_bayan["profile_source"] == al_bayan["first_seen_source"] == "rudaw_albayan_2015"
    rudaw = sources.loc["rudaw_albayan_2015"]
    assert rudaw["url"].startswith("https://rudaw.net/") and rudaw["student_meets"] == "text only"
    assert "five languages" in rudaw["title"] and "early April 2015" in rudaw["title"]
    assert set(al_bayan["languages"].split(", ")) == {"Arabic", "Kurdish", "English", "French", "Russian"}
    assert "Rudaw, 30 August 2015" in markdown_of("notebooks/03_outlets.ipynb")


def test_the_2015_bbc_nashir_piece_is_cited_by_name_and_describes_one_channel():
    """Its page embeds screenshots of the IS Telegram channel: no link; and it describes one channel, not a network."""
    bbc = data.sources().set_index("source").loc["bbc_nashir_2015"]
    assert bbc["url"] == "" and bbc["terrorist_media"] == "yes" and "not linked" in bbc["title"]
    assert "26 September 2015" in bbc["reviewed"] and "one channel, not a network" in bbc["reviewed"]
    event = data.events().set_index("id").loc["nashir_advertised"]
    assert "network" not in event["event"] and "channel on Telegram" in event["event"]
    nashir = data.outlets().set_index("outlet").loc["Nashir"]
    assert "network" not in nashir["note"] and "dozens" not in nashir["note"]
    glossary = (data.COURSE_DIR / "notebooks" / "glossary.md").read_text(encoding="utf-8")
    entry = glossary.split("**Nashir.**")[1].split("\n\n")[0]
    assert "dozens" not in entry and "network" not in entry and "not linked" in entry


def test_twitters_running_total_to_2017_is_credited_to_twitter_not_to_sputnik():
    """1,210,357 is in Twitter's own @Policy tweet of 5 April 2018; Sputnik is under an EU ban since March 2022."""
    sources = data.sources()
    assert not sources["url"].str.contains("sputnik", case=False).any()
    row = data.suspensions().set_index(["period_start", "period_end"]).loc[("2015-08-01", "2017-12-31")]
    assert row["accounts"] == 1210357 and row["source"] == "twitter_policy_2018" and row["source_kind"] == "primary"
    tweet = sources.set_index("source").loc["twitter_policy_2018"]
    assert "5 April 2018" in tweet["title"] and "1,210,357" in tweet["title"] and "quote" in tweet["reviewed"]
    lesson = markdown_of("notebooks/05_measuring.ipynb")
    assert "Sputnik" not in lesson and "@Policy" in lesson


@pytest.mark.parametrize("folder", ["solutions", "exercises"])
def test_no_exercise_or_assessment_credits_sputnik_for_twitters_figures(folder):
    """Fact-check R3: the pre-assessment's Q2 credited the running totals to SecurityWeek "and Sputnik"."""
    for path in sorted((data.COURSE_DIR / folder).glob("*.ipynb")):
        assert "sputnik" not in path.read_text(encoding="utf-8").lower(), path.name
    prompt = "\n".join(
        "".join(cell["source"])
        for cell in json.loads((data.COURSE_DIR / folder / "pre_assessment.ipynb").read_text(encoding="utf-8"))["cells"]
        if cell["cell_type"] == "markdown"
    )
    assert "Twitter's own figures: its transparency report for January–June 2017" in prompt
    assert "its @Policy tweet of 5 April 2018" in prompt


def test_section_58_is_linked_in_its_current_text_with_the_2019_amendment():
    sources = data.sources().set_index("source")
    s58 = sources.loc["uk_tact2000_s58"]
    assert s58["url"] == "https://www.legislation.gov.uk/ukpga/2000/11/section/58"  # not the 2001 original
    assert "2019" in s58["title"] and "journalist" in s58["title"] and "academic research" in s58["title"]
    assert sources.loc["uk_ctbsa2019_s3", "url"].startswith("https://www.legislation.gov.uk/ukpga/2019/3/")


def test_students_are_warned_before_the_syrian_archive_page_and_not_sent_to_the_aggregator():
    lesson = markdown_of("notebooks/07_policy_and_framing.ipynb")
    before = lesson.split("https://syrianarchive.org/")[0][-400:]
    assert "warning" in before and "graphic footage" in before
    for path in ("solutions/01_the_article.ipynb", "exercises/01_the_article.ipynb"):
        assert "tri-lakestribune" not in (data.COURSE_DIR / path).read_text(encoding="utf-8"), path


# ---- Third review (issue 18, 2026-12-06): dates, who counted what, accounts that differ ----------


def test_crest_report_is_dated_to_the_month_and_check_4_says_about_27_months():
    """The CREST report's cover says January 2021: 821 to 851 days after 3 October 2018, about 27 months."""
    events = data.events().set_index("id")
    report, action_day = events.loc["crest_telegram_report"], events.loc["telegram_action_day_2018"]
    assert report["precision"] == "month" and report["date"] == pd.Timestamp("2021-01-01")
    shortest = (report["date"] - action_day["date"]).days
    longest = (report["date"] + pd.offsets.MonthEnd(0) - action_day["date"]).days
    assert (shortest, longest) == (821, 851) and round(shortest / 30.44) == 27 == int(longest / 30.44)
    assert "January 2021" in data.sources().set_index("source").loc[report["source"], "title"]
    check_7 = questions_for("lesson_04")[6]  # the CREST gap: Check 4 before issue 21 added activities
    assert check_7.check("b").status == "correct" and check_7.check("c").status != "correct"
    assert "only to the year, 2021" not in markdown_of("notebooks/04_timeline.ipynb")


def test_the_26000_items_come_from_the_belgian_led_release_not_the_telegram_one():
    """Europol's Telegram release covers 21–22 November 2019 and gives no figures; the 26,000 items referred
    (21–24 November) are in its release on the Belgian-led action against IS."""
    referrals = data.referrals().set_index("as_of")
    row = referrals.loc["2019-11-25"]
    assert row["source"] == "europol_is_referral_nov2019" and row["value"] == 26000 and row["qualifier"] == ">"
    sources = data.sources().set_index("source")
    assert "21–22 November 2019" in sources.loc["europol_telegram_nov2019", "title"]
    assert "no figures" in sources.loc["europol_telegram_nov2019", "title"]
    assert "26,000" in sources.loc["europol_is_referral_nov2019", "title"]
    lesson = markdown_of("notebooks/05_measuring.ipynb")
    assert "which gave no figures at all" in lesson and "europediplomatic.com" in lesson
    reading = (data.COURSE_DIR / "notebooks" / "further_reading.md").read_text()
    assert "It counts nothing" in reading and "compare\n   what Europol counts (items referred)" not in reading


def test_the_release_is_quoted_with_the_app_and_its_web_infrastructure():
    """The 2018 release says "Amaq's mobile application and web infrastructure" (Lockcode and Sofia Globe copies);
    "the AMAQ mobile application and its web infrastructure" is the wording of Europol's November 2019 release."""
    lesson = "\n".join(source for notebook, _, source in cells("code") if notebook.endswith("01_the_article.ipynb"))
    assert "against Amaq’s mobile application and web infrastructure" in lesson
    assert "the AMAQ mobile application and its web infrastructure" not in lesson


def test_franceinfo_narration_is_not_put_in_europols_mouth():
    lesson = markdown_of("notebooks/02_countries.ipynb")
    assert "those are the journalist's words" in lesson
    assert "Vincent Semestre" in lesson and "responsable de l'unité internet d'Europol" in lesson  # whose interview
    assert "head of its internet unit told franceinfo that investigators had" not in lesson
    assert "journalist's narration" in data.sources().set_index("source").loc["franceinfo_semestre_2018", "title"]


def test_accounts_that_differ_are_not_labelled_disputed_or_contradicted():
    """The two accounts of the seizures may be reconcilable: labels say 'accounts differ'."""
    countries = data.countries()
    labels = [country_charts.role_label(role, countries) for role in countries["role"].unique()]
    assert "seized digital evidence (accounts differ)" in labels and not any("disputed" in label for label in labels)
    graph_label = network._disputed_accounts(network.operation_graph())
    assert "contradicted" not in graph_label and "differs" in graph_label
    for name in ("00_start_here.ipynb", "02_countries.ipynb", "03_outlets.ipynb"):
        text = markdown_of(name)
        assert "primary voices disagree" not in text and "contradicts it" not in text, name
    assert "may be reconcilable" in markdown_of("notebooks/02_countries.ipynb")
    # Said after the reveal of Check 8's prediction (what the student sees beside it), not before it.
    differ = next(q for q in questions_for("lesson_02") if q.answer_name == "differ_guess")
    assert "does not make one of them false" in differ.observed


def test_nashir_news_agency_was_the_outlets_name():
    lesson = markdown_of("notebooks/03_outlets.ipynb")
    assert "Nashir News Agency" in lesson and "A name is not a description" in lesson


def test_later_reporting_on_halummu_is_described_not_denied():
    lesson = markdown_of("notebooks/03_outlets.ipynb")
    assert "found no description of Halumu anywhere" not in lesson
    assert '"Halummu"' in lesson and "none of these sources says" in lesson
    # Fact-check FC 5: Militant Wire calls it a "network" (not a translation network), and it has a source row.
    assert "translation network" not in lesson and "has been working with the I'lam Foundation" in lesson
    row = data.sources().set_index("source").loc["militantwire_ilam"]
    assert row["url"] == "" and row["terrorist_media"] == "yes" and "Halummu network" in row["title"]


def test_icct_note_claims_no_more_than_the_opening_section_and_the_2021_letter_show():
    """Fact-check FC 3-4: the course read the opening section only; the Dutch letter shows a subsidy from 2021."""
    lesson = " ".join(markdown_of("notebooks/03_outlets.ipynb").split())
    assert "names Halumu once" not in lesson and "In its opening section" in lesson
    assert "funded by two Dutch ministries" not in lesson and "subsidised by the Dutch ministries" in lesson
    glossary = " ".join((data.COURSE_DIR / "notebooks" / "glossary.md").read_text().split())
    assert "Justice and Security fund it" not in glossary and "decided in 2021 to subsidise it" in glossary
    sources = data.sources().set_index("source")
    assert "fund the ICCT" not in sources.loc["nl_icct_subsidy_2021", "title"]
    assert "images below the opening section not checked" in sources.loc["icct_bindner_gluck_2018", "student_meets"]


def test_la_libre_update_is_not_asserted_from_a_page_the_course_has_not_seen():
    """Fact-check FC 2 and 10: version 1 is stored (text), the later version is not: the note says so."""
    lesson = " ".join(markdown_of("notebooks/02_countries.ipynb").split())
    assert "the course's notes record that it gives Europol's split" in lesson
    sources = data.sources().set_index("source")
    assert sources.loc["lalibre_2018", "reviewed"].startswith("2026-12-06 stored copy seen")
    assert "not seen" in sources.loc["lalibre_2018_update", "student_meets"]


def test_crest_key_point_credits_sustained_action_with_police_work():
    lesson = markdown_of("notebooks/04_timeline.ipynb")
    assert "only the sustained Telegram action of 2019 kept new channels short-lived" not in lesson
    assert "combined with national police action" in lesson


def test_the_directive_statement_on_uk_ireland_denmark_is_dated(instruments):
    note = instruments.loc["dir_2017_541", "note"]
    assert "as adopted in March 2017 it did not bind the UK, Ireland or Denmark" in note
    assert "31 January 2020" in note and "June 2025" in note
    lesson = markdown_of("notebooks/07_policy_and_framing.ipynb")
    assert "it does not bind the UK" not in lesson and "in June 2025" in lesson and "as of December 2026" in lesson
    assert "when adopted, not the UK, Ireland or Denmark" in questions_for("lesson_07")[0].verdict("b").message
    for source in ("gov_ie_terrorist_offences_bill_2025", "dail_terrorist_offences_bill_2025"):
        assert source in data.sources()["source"].values


def test_lesson_07_reaches_the_commissions_2024_report_and_the_2023_letters(instruments):
    note = instruments.loc["reg_2021_784", "note"]
    assert "COM(2024) 64" in note and "January 2023" in note and "22 member states" in note
    lesson = markdown_of("notebooks/07_policy_and_framing.ipynb")
    assert "COM(2024) 64" in lesson and "14 February 2024" in lesson and "letters of formal notice" in lesson
    assert "CELEX%3A52024DC0064" in lesson


def test_the_registrar_wording_is_taught_as_ambiguous_not_impossible():
    # Taught in exercise 01 Q4's reply and the instructor guide; the students' glossary would give Q4 away.
    glossary = (data.COURSE_DIR / "notebooks" / "glossary.md").read_text()
    guide = (data.COURSE_DIR / "solutions" / "README.md").read_text()
    assert "is garbled" not in glossary + guide and "already ambiguous" in guide
    assert "referral of domain registrars" not in glossary
    exercise = markdown_of("solutions/01_the_article.ipynb")
    assert "cannot have happened" not in exercise
    assert "already ambiguous" in questions_for("01_the_article")[3].check("d").message


def test_icct_is_not_called_the_one_outside_analysis():
    reading = (data.COURSE_DIR / "notebooks" / "further_reading.md").read_text()
    assert "The one outside analysis" not in reading and "It is not the only outside view" in reading


def test_the_coordinator_becomes_leader_explanation_is_a_hypothesis():
    lesson = markdown_of("notebooks/01_the_article.ipynb")
    assert "One **hypothesis**" in lesson and "We do not know" in lesson


def test_the_twitter_sum_says_what_it_assumes():
    message = questions_for("05_measuring")[1].check(1582026).message
    assert "assumes" in message and "three different sources" in message
    assert "1.58 million" not in message  # how to word the total is question 6's to answer


def test_removal_hours_rests_on_the_commissions_review_figure():
    """The Commission measured notifications *reviewed* within 24 hours (81%), not removals."""
    row = data.model_parameters().set_index("parameter").loc["removal_hours"]
    assert row["source"] == "wiggin_hate_speech_2018" and "reviewed" in row["anchor"] and "81%" in row["anchor"]
    assert "80% of removals" not in row["anchor"]
    lesson = markdown_of("notebooks/06_model.ipynb")
    assert "more than 80% of removals happened within 24 hours" not in lesson and "**reviewed**" in lesson


def test_lesson_08_says_we_found_no_figure():
    lesson = markdown_of("notebooks/08_capstone.ipynb")
    assert "No published figure measures" not in lesson and "We found no published figure" in lesson


def test_bbc_monitorings_observation_names_its_analyst():
    assert "Mina al-Lami" in markdown_of("notebooks/05_measuring.ipynb")
    assert "Mina al-Lami" in data.sources().set_index("source").loc["voxpol_bodo_2018", "title"]


def test_nl_times_is_quoted_with_its_whole_clause():
    """NL Times (citing NOS) wrote "In Europe, the action was led by Europol": the clause limits the claim."""
    lesson = markdown_of("notebooks/01_the_article.ipynb")
    clipped = [
        found.start()
        for found in re.finditer(r"was led by Europol", lesson)
        if not lesson[: found.start()].endswith("In Europe, the action ")
        and not lesson[: found.start()].endswith("In Europe, the action\n")
    ]
    assert "In Europe, the action" in lesson and not clipped, clipped
    assert "De actie werd in Europa geleid door Europol" in lesson
    check = next(q for q in questions_for("lesson_01") if q.answer_name == "settles")
    message = check.check("b").message
    assert "De actie werd in Europa geleid door Europol" in message and "“was led by Europol”" not in message


def test_lesson_01_says_the_release_itself_gives_the_prosecutor_two_roles():
    """Europol's release: "Led by the Belgian Federal Prosecutor's Office", and for 25–26 April a takedown
    "coordinated by Europol's EU IRU and with the support of Eurojust and the Belgian Federal Prosecutor"."""
    lesson = re.sub(r"\s+", " ", markdown_of("notebooks/01_the_article.ipynb"))
    assert "Led by the Belgian Federal Prosecutor's Office" in lesson
    assert (
        "coordinated by Europol's EU IRU and with the support of Eurojust and the Belgian Federal Prosecutor" in lesson
    )
    hypothesis = lesson[lesson.index("One **hypothesis**") :]
    assert "the leader and then a supporter" in hypothesis[:400]
    assert {"teiss_europol_2018", "sofia_globe"} <= set(data.sources()["source"])


# ---- Lesson 07 and 08 fact-check (issue 21): what other reports print, and what the course re-checked --------


def test_main_mouthpiece_of_is_is_printed_by_newstalk_not_only_main_mouthpiece():
    """Newstalk prints "main mouthpiece of IS" in quotation marks (stored copy seen 2026-12-06); UPI and PA print
    only "main mouthpiece"; the Guardian has no quotation marks. Europol's own page was not seen."""
    row = data.quotes().set_index("quote").loc["main mouthpiece of IS"]
    assert row["source"] == "newstalk_2018" and row["source"] in set(data.sources()["source"])
    assert "Newstalk" in row["note"] and "UPI and PA" in row["note"] and "Europol's own page" in row["note"]
    lesson = markdown_of("notebooks/07_policy_and_framing.ipynb")
    assert (
        'so *"of IS"* is unverified' not in lesson
        and 'print only *"main mouthpiece"* in quotation marks, so' not in lesson
    )
    assert "Newstalk" in lesson and "main mouthpiece of IS" in lesson and "Europol's own page" in lesson


def test_avramopoulos_quote_check_is_in_lesson_07s_core_and_politico_prints_the_statement():
    """The quote check, the quotation share and the names moved from *Going further* into the core; Politico's
    stored copy (2026-12-06) prints the whole statement, so the lesson may say so."""
    lesson = markdown_of("notebooks/07_policy_and_framing.ipynb")
    core = lesson.split("## Going further")[0]
    for heading in ("Checking a quote", "How much of the article is quotation?", "Who is named"):
        assert heading in core, heading
    assert "prints the whole" in core and "politico.eu" in core


def test_icct_assessment_dated_as_its_page_shows():
    """ICCT's page shows 18 Jun 2018 (stored copy seen 2026-12-06): the further reading gives the day, lesson 08
    the month; neither gives another date."""
    reading = (data.COURSE_DIR / "notebooks" / "further_reading.md").read_text(encoding="utf-8")
    assert "(ICCT, 18 June 2018)" in reading
    capstone = markdown_of("notebooks/08_capstone.ipynb")
    assert "ICCT, June 2018" in capstone or "ICCT, 18 June 2018" in capstone
    assert "icct_bindner_gluck_2018" in set(data.sources()["source"])


# ---- Fact-check of lessons 03 and 04 (issue 21): what each source says, in its own words ----------


def test_amaqs_nine_languages_has_a_second_source_and_euronews_wider_reading():
    """Politico and AP give Amaq 'at least nine languages'; Euronews applies the figure to all ISIL propaganda."""
    sources = data.sources().set_index("source")
    ap = sources.loc["ap_aamaq_2018"]
    assert "Aamaq spreads information online in at least nine languages" in ap["title"]
    assert ap["terrorist_media"] == "no" and ap["reviewed"]
    note = data.outlets().set_index("outlet").loc["Amaq News Agency", "note"]
    assert "ap_aamaq_2018" in note and "entire range of ISIL propaganda" in note and "euronews_isil_2018" in note
    lesson = markdown_of("notebooks/03_outlets.ipynb")
    assert ap["url"] in lesson and '*"the entire range of ISIL propaganda"*' in lesson and "not Amaq alone" in lesson


def test_the_europol_quote_is_worded_as_the_straits_times_prints_it():
    """AFP's copy in The Straits Times says 'ISIS-branded', 'Nasher' and 'ISIS' capability'; The News says 'IS'."""
    lesson = " ".join(markdown_of("notebooks/03_outlets.ipynb").split())
    assert (
        "targeting major ISIS-branded media outlets like Amaq, but also al-Bayan radio, Halumu and Nasher news, "
        "ISIS' capability to broadcast and publicise terrorist material has been compromised."
    ) in lesson
    assert "IS-branded media outlets like Amaq, but also al-Bayan radio, Halumu and Nashir news" not in lesson
    assert '*"major IS-branded media outlets"*' in lesson and "house style" in lesson


def test_charlie_winters_words_are_reported_by_euronews_not_told_to_it():
    """Euronews wrote that Winter 'said' Amaq had published items; the lesson does not claim he spoke to Euronews."""
    lesson = " ".join(markdown_of("notebooks/04_timeline.ipynb").split())
    assert "told Euronews" not in lesson and "Winter told" not in lesson
    assert "Euronews reported the researcher Charlie Winter as saying that" in lesson


def test_crest_key_point_names_both_action_days_and_only_2019s_kept_channels_short_lived():
    lesson = " ".join(markdown_of("notebooks/04_timeline.ipynb").split())
    key_points = lesson[lesson.index("## Key points") :]
    assert "CREST compared two Telegram action days, October 2018 and November 2019" in key_points
    assert "short-lived only after the 2019 one" in key_points and "the 2018 one had a modest effect" in key_points


# ---- Fact-check R3 of the new exercise and assessment content -------------------------------------------


def test_europol_is_credited_with_the_12_countries_of_november_2019():
    """Sources differ on the count (Europol and ANP: 12 member states; nu.nl and others: 11 and Belgium)."""
    prompt = markdown_of("solutions/pre_assessment.ipynb").split("## Question 10")[1]
    assert "Europol said that in November 2019 police units from 12 EU countries" in prompt


def test_afps_version_of_europols_sentence_is_called_afps():
    """AFP re-spelled Nashir as Nasher: 'printed it whole' says so, and the source row calls it AFP's version."""
    row = data.sources().set_index("source").loc["the_news_bulgaria", "title"]
    assert "AFP's version of Europol's sentence" in row and "Nashir" in row
    assert "in its own spelling ('Nasher' for Europol's 'Nashir')" in markdown_of(
        "solutions/07_policy_and_framing.ipynb"
    )


def test_the_icct_words_difficult_to_assess_were_checked_in_a_stored_copy():
    row = data.sources().set_index("source").loc["icct_bindner_gluck_2018", "reviewed"]
    assert "difficult to assess the efficiency of the Europol operation" in row


def test_the_siege_of_kobani_start_is_sourced_and_not_linked():
    row = data.sources().set_index("source").loc["kobani_siege_start"]
    assert "13 September 2014" in row["title"] and "16 September" in row["title"]
    assert row["url"] == "" and row["student_meets"] == "not linked" and "not linked" in row["title"]


# ---- Fact-check FC (6 Dec 2026) and the designer's finding on lesson 05 ---------------------------------


def test_the_isis_wording_is_credited_to_the_straits_times_not_afp():
    """AFP's own text (The News, Manila Bulletin) reads 'IS': the Straits Times' house style wrote 'ISIS'."""
    from takedown.questions import article

    row = next(copy for copy in article.COPIES if copy["source"] == "afp_straits_times")
    assert row["printed_by"].startswith("The Straits Times") and "house style" in row["printed_by"]
    found = article.copies_found()
    message = questions_for("01_the_article")[2].check(found).message
    assert "“ISIS” in The Straits Times" in message and "house style" in message


def test_disrupting_daesh_anchor_says_which_version():
    """outside-facts.md F: the model's 'time live' anchor names the 2019 journal article, not only 'Disrupting Daesh'."""
    lesson = " ".join(markdown_of("notebooks/06_model.ipynb").split())
    assert "the 2019 journal article](https://doras.dcu.ie/21961)" in lesson


def test_pages_students_open_say_what_the_course_did_not_check():
    """A linked page whose images were not checked is opened only with a warning (FC 9-11)."""
    lesson_05 = " ".join(markdown_of("notebooks/05_measuring.ipynb").split())
    assert "changing news thumbnails, which it could not check" in lesson_05
    assert (
        "not checked" in data.sources().set_index("source").loc["pa_aol_2018", "reviewed"]
        or "not seen" in (data.sources().set_index("source").loc["pa_aol_2018", "student_meets"])
    )
    assert "has seen neither page's photos" in " ".join(markdown_of("notebooks/02_countries.ipynb").split())
    assert "close the page" in " ".join(markdown_of("notebooks/03_outlets.ipynb").split())


def test_every_closed_note_opens_and_closes():
    """A </details> with no <details> dumps the note's links into the body (lesson 05's sources, 6 Dec)."""
    broken = [
        (notebook, index)
        for notebook, index, source in cells("markdown")
        if source.count("<details") != source.count("</details>")
    ]
    assert not broken, broken
