"""Scoring: hand-computed numbers on voorbeeld/mini-scan, recommendations, and properties (hypothesis)."""

import random

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import ouderbetrokkenheid as ob
from ouderbetrokkenheid.scoring import (
    DEGENERATE_SCORE,
    ResponseError,
    ResponseSet,
    band_for,
    check_responses,
    normalise,
    rank_resources,
    recommend,
    reverse_score,
    scale_bounds,
    score,
)
from ouderbetrokkenheid.testing import strategies as obst

from .conftest import EXAMPLE_PACK

ID = "voorbeeld/mini-scan"


@pytest.fixture(scope="module")
def pack():
    return ob.load_pack(EXAMPLE_PACK)


@pytest.fixture(scope="module")
def mini(pack):
    return next(a for a in pack.assessments if a.id == ID)


def response(respondent, group, answers, version="1.0", assessment=ID):
    return ob.Response(
        assessment=assessment, version=version, group=group, respondent=respondent, answers=answers
    )


def dimension(result, group):
    (found,) = [g for g in result.groups if g.group == group]
    assert not found.suppressed
    (only,) = found.dimensions
    return only


# -- scales --------------------------------------------------------------------------------------
def test_scale_bounds_and_normalisation(mini):
    (agree,) = mini.scales
    assert scale_bounds(agree) == (1.0, 4.0)  # the "na" option has no score and is left out
    assert [normalise(s, 1, 4) for s in (1, 2, 3, 4)] == pytest.approx([0, 100 / 3, 200 / 3, 100])
    assert [normalise(s, 1, 4, reverse=True) for s in (1, 2, 3, 4)] == pytest.approx(
        [100, 200 / 3, 100 / 3, 0]
    )
    assert reverse_score(1, 1, 4) == 4
    assert reverse_score(3, 1, 4) == 2


def test_a_scale_that_cannot_tell_answers_apart_scores_the_middle():
    assert normalise(2.0, 2.0, 2.0) == DEGENERATE_SCORE == normalise(2.0, 2.0, 2.0, reverse=True)
    scale = ob.Scale(
        id="s", options=(ob.Option(code="na", label=ob.LocalizedText({"en": "?"}), not_applicable=True),)
    )
    assert scale_bounds(scale) is None


def test_bands_min_inclusive_max_exclusive_except_100(mini):
    bands = mini.bands
    assert band_for(bands, 0).id == "werkpunt"
    assert band_for(bands, 49.999).id == "werkpunt"
    assert band_for(bands, 50).id == "op_weg"
    assert band_for(bands, 75).id == "sterk"
    assert band_for(bands, 100).id == "sterk"
    assert band_for(bands, 100.5) is None


# -- hand-computed results -----------------------------------------------------------------------
def test_scores_gaps_and_distribution_by_hand(mini):
    # team:    welkom 1 -> 0, 2 -> 33.3;  drempel (reversed) 4 -> 0, 3 -> 33.3
    # parents: welkom 4 -> 100, 2 -> 33.3; drempel (reversed) 1 -> 100, na -> left out
    responses = [
        response("p1", "parents", {"welkom": "4", "drempel": "1"}),
        response("p2", "parents", {"welkom": "2", "drempel": "na"}),
        response("t1", "team", {"welkom": "1", "drempel": "4"}),
        response("t2", "team", {"welkom": "2", "drempel": "3"}),
    ]
    result = score(mini, responses, min_group_size=2)
    assert result.assessment == ID and result.version == "1.0" and result.min_group_size == 2
    assert [g.group for g in result.groups] == ["team", "parents"]  # the assessment's order
    team, parents = dimension(result, "team"), dimension(result, "parents")
    assert team.answers == 4
    assert team.mean == pytest.approx(1.5)  # (1 + 2 + (5-4) + (5-3)) / 4 on the scale's own values
    assert team.score == pytest.approx(100 / 6)  # (0 + 33.3 + 0 + 33.3) / 4
    assert team.band == "werkpunt"
    assert team.distribution == {"1": 1, "2": 1, "3": 1, "4": 1, "na": 0}
    assert parents.answers == 3  # "na" is not scored
    assert parents.mean == pytest.approx(10 / 3)  # (4 + 2 + (5-1)) / 3
    assert parents.score == pytest.approx(700 / 9)  # (100 + 33.3 + 100) / 3 = 77.8
    assert parents.band == "sterk"
    assert parents.distribution == {"1": 1, "2": 1, "3": 0, "4": 1, "na": 1}
    (gap,) = result.gaps
    assert (gap.dimension, gap.first, gap.second) == ("ontmoeten", "team", "parents")
    assert gap.difference == pytest.approx(100 / 6 - 700 / 9)
    # item means: drempel team 16.7 vs parents 100; welkom team 16.7 vs parents 66.7
    assert [(i.link_id, round(i.difference, 6)) for i in gap.items] == [
        ("drempel", round(100 / 6 - 100, 6)),
        ("welkom", round(100 / 6 - 200 / 3, 6)),
    ]


def test_item_weights(mini):
    heavy = _evolve_item(mini, "welkom", weight=3.0)
    responses = [response("p1", "parents", {"welkom": "4", "drempel": "4"})]
    plain = dimension(score(mini, responses, min_group_size=1), "parents")
    weighted = dimension(score(heavy, responses, min_group_size=1), "parents")
    assert plain.score == pytest.approx(50)  # (100 + 0) / 2
    assert plain.band == "op_weg"  # 50 is the first value of "op weg"
    assert weighted.score == pytest.approx(75)  # (3 * 100 + 0) / 4
    assert weighted.mean == pytest.approx((3 * 4 + 1) / 4)
    assert weighted.band == "sterk"


def test_top_score_is_in_the_last_band(mini):
    result = score(mini, [response("p1", "parents", {"welkom": "4", "drempel": "1"})], min_group_size=1)
    top = dimension(result, "parents")
    assert (top.score, top.band) == (100.0, "sterk")


def test_only_not_applicable_answers_give_no_score(mini):
    result = score(mini, [response("p1", "parents", {"welkom": "na", "drempel": "na"})], min_group_size=1)
    only = dimension(result, "parents")
    assert only.answers == 0
    assert (only.mean, only.score, only.band) == (None, None, None)
    assert only.distribution["na"] == 2
    assert result.gaps == ()  # the team is suppressed (no respondents)


def test_small_groups_are_suppressed_by_default(mini):
    responses = [response(f"p{i}", "parents", {"welkom": "3", "drempel": "2"}) for i in range(5)]
    responses += [response(f"t{i}", "team", {"welkom": "3", "drempel": "2"}) for i in range(4)]
    result = score(mini, responses)
    assert result.min_group_size == 5  # the assessment's
    parents, team = (next(g for g in result.groups if g.group == name) for name in ("parents", "team"))
    assert (parents.respondents, parents.suppressed) == (5, False)
    assert (team.respondents, team.suppressed, team.dimensions) == (4, True, ())
    assert result.gaps == ()
    assert score(mini, responses, min_group_size=4).gaps != ()


def test_a_response_set_and_response_objects_score_alike(mini):
    responses = [
        response("p1", "parents", {"welkom": "4", "drempel": "2"}),
        response("t1", "team", {"welkom": "1", "drempel": "na"}),
    ]
    columns = ResponseSet.from_responses(responses, assessment=ID, version="1.0")
    assert score(mini, columns, min_group_size=1) == score(mini, responses, min_group_size=1)
    assert list(columns.responses()) == responses


def test_scoring_refuses_responses_that_do_not_fit(mini):
    responses = [
        response("p1", "parents", {"welkom": "5", "drempel": "1"}),
        response("p2", "ouders", {"welkom": "1", "drempel": "1"}),
        response("p3", "parents", {"welkom": "1", "vraag": "1"}),
        response("p3", "parents", {"welkom": "1", "drempel": "1"}, version="0.9"),
    ]
    with pytest.raises(ResponseError) as info:
        score(mini, responses)
    found = {(p.code, p.pointer) for p in info.value.problems}
    assert found == {
        ("response-off-scale", "/0/answers/welkom"),
        ("response-unknown-group", "/1/group"),
        ("response-unknown-item", "/2/answers/vraag"),
        ("response-missing-answer", "/2/answers/drempel"),
        ("response-wrong-version", "/3/version"),
        ("response-duplicate-respondent", "/3/respondent"),
    }


def test_an_item_not_asked_of_a_group_is_an_unknown_item_for_it(mini):
    parents_only = _evolve_item(mini, "drempel", text={"parents": mini.items()[1].text["parents"]})
    problems = check_responses(
        parents_only,
        ResponseSet.from_responses(
            [response("t1", "team", {"welkom": "1", "drempel": "2"})], assessment=ID, version="1.0"
        ),
    )
    assert [(p.code, p.pointer) for p in problems] == [("response-unknown-item", "/0/answers/drempel")]
    assert "not asked of group 'team'" in problems[0].message


def test_wrong_assessment(mini):
    with pytest.raises(ResponseError) as info:
        score(mini, [response("p1", "parents", {"welkom": "1", "drempel": "1"}, assessment="x/y")])
    assert [p.code for p in info.value.problems] == ["response-wrong-assessment"]


def test_min_group_size_is_checked(mini):
    with pytest.raises(ValueError, match="1 to 1000"):
        score(mini, [], min_group_size=0)


def test_a_result_validates_against_its_schema(mini):
    responses = [response(f"p{i}", "parents", {"welkom": str(1 + i % 4), "drempel": "2"}) for i in range(6)]
    data = ob.unstructure(score(mini, responses))
    assert ob.schema.fast_validator("result").is_valid(data)
    assert data["groups"][0] == {"group": "team", "respondents": 0, "suppressed": True}


# -- recommendations -----------------------------------------------------------------------------
def _resource(rid, concepts=(), themes=()):
    return ob.Resource(
        id=rid,
        kind="guide",
        title=ob.LocalizedText({"nl": rid}),
        provenance=ob.Provenance(source="extra", status="example-authored-here"),
        concepts=tuple(concepts),
        themes=tuple(themes),
    )


@pytest.fixture(scope="module")
def library(pack):
    extra = ob.ContentPack(
        manifest=ob.PackManifest(
            name="extra",
            version="1.0.0",
            title=ob.LocalizedText({"nl": "Extra"}),
            publisher=ob.Agent(name="ouderbetrokkenheid project"),
            licence="CC0-1.0",
            languages=("nl",),
        ),
        resources=(
            _resource("extra/direct-b", ["voorbeeld/kader#ontmoeten"]),
            _resource("extra/direct-a", ["voorbeeld/kader#ontmoeten"]),
            _resource("extra/contact", ["voorbeeld/ander-kader#contact"]),  # close, confidence 0.5
            _resource("extra/thema", themes=["communication"]),
            _resource("extra/los", ["voorbeeld/kader#meedenken"]),
        ),
    )
    return ob.Library([pack, extra])


def test_recommendations_best_first(mini, library):
    themed = attrs.evolve(mini, themes=("communication",))
    weak = [response(f"t{i}", "team", {"welkom": "1", "drempel": "4"}) for i in range(5)]
    result = recommend(score(themed, weak), themed, library, limit=10)
    # oudercafe: own concept 2 + shared theme 0.1; direct-a/-b: 2 (by id); contact: close 1.5 x 0.5;
    # thema: the theme only; los: about another concept, not listed
    assert result.recommendations == {
        "ontmoeten": (
            "voorbeeld/oudercafe",
            "extra/direct-a",
            "extra/direct-b",
            "extra/contact",
            "extra/thema",
        )
    }
    assert recommend(score(themed, weak), themed, library, limit=2).recommendations["ontmoeten"] == (
        "voorbeeld/oudercafe",
        "extra/direct-a",
    )
    ranks = dict(
        rank_resources(
            ["voorbeeld/kader#ontmoeten"], ["communication"], library.resources(), library.mappings()
        )
    )
    assert ranks["extra/contact"] == pytest.approx(0.75)
    assert ranks["voorbeeld/oudercafe"] == pytest.approx(2.1)


def test_no_recommendations_for_strong_or_suppressed_groups(mini, library):
    strong = [response(f"p{i}", "parents", {"welkom": "4", "drempel": "1"}) for i in range(5)]
    assert recommend(score(mini, strong), mini, library).recommendations == {}
    weak_but_few = [response(f"t{i}", "team", {"welkom": "1", "drempel": "4"}) for i in range(4)]
    assert recommend(score(mini, strong + weak_but_few), mini, library).recommendations == {}
    recommended = recommend(score(mini, strong + weak_but_few, min_group_size=4), mini, library)
    assert "ontmoeten" in recommended.recommendations


# -- properties ----------------------------------------------------------------------------------
@st.composite
def assessed(draw, *, optional=False, respondents=None):
    """An assessment (at least one item) and responses that fit it."""
    respondents = st.integers(0, 12) if respondents is None else respondents
    assessment = draw(obst.assessments(min_items=1))
    if optional:
        assessment = attrs.evolve(
            assessment,
            sections=tuple(
                attrs.evolve(s, items=tuple(attrs.evolve(i, required=False) for i in s.items))
                for s in assessment.sections
            ),
        )
    scales = {s.id: s for s in assessment.scales}
    rows = []
    for number in range(draw(respondents)):
        group = draw(st.sampled_from(assessment.groups)).id
        answers = {}
        for item in assessment.items():
            if group in item.text and (item.required or draw(st.booleans())):
                answers[item.link_id] = draw(st.sampled_from(scales[item.scale].options)).code
        rows.append(
            ob.Response(
                assessment=assessment.id,
                version=assessment.version,
                group=group,
                respondent=f"r{number}",
                answers=answers,
            )
        )
    return assessment, rows


def _scored_answers(assessment, rows, group, dimension_id):
    scales = {s.id: s for s in assessment.scales}
    items = {i.link_id: i for i in assessment.items() if i.dimension == dimension_id}
    values = []
    for row in rows:
        if row.group != group:
            continue
        for link, code in row.answers.items():
            if link in items:
                option = next(o for o in scales[items[link].scale].options if o.code == code)
                values.append(option)
    return values


@given(assessed())
def test_scores_stay_within_bounds(case):
    assessment, rows = case
    result = score(assessment, rows, min_group_size=1)
    assert ob.schema.fast_validator("result").is_valid(ob.unstructure(result))
    lows = [b[0] for s in assessment.scales if (b := scale_bounds(s))]
    highs = [b[1] for s in assessment.scales if (b := scale_bounds(s))]
    for group in result.groups:
        assert group.respondents == sum(r.group == group.group for r in rows)
        for found in group.dimensions:
            options = _scored_answers(assessment, rows, group.group, found.dimension)
            assert sum(found.distribution.values()) == len(options)
            assert found.answers == sum(not o.not_applicable and o.score is not None for o in options)
            if found.score is None:
                assert found.answers == 0 and found.mean is None and found.band is None
                continue
            assert 0 <= found.score <= 100
            assert band_for(assessment.bands, found.score).id == found.band
            assert min(lows) - 1e-9 <= found.mean <= max(highs) + 1e-9
    for gap in result.gaps:
        assert -100 <= gap.difference <= 100
        assert all(-100 <= item.difference <= 100 for item in gap.items)
        assert len(gap.items) <= 5
        assert [abs(i.difference) for i in gap.items] == sorted(
            (abs(i.difference) for i in gap.items), reverse=True
        )


@given(assessed(), st.randoms(use_true_random=False))
def test_the_order_of_respondents_does_not_matter(case, rng):
    assessment, rows = case
    shuffled = list(rows)
    rng.shuffle(shuffled)
    assert score(assessment, shuffled, min_group_size=1) == score(assessment, rows, min_group_size=1)


@given(assessed())
def test_reversing_an_item_twice_is_the_identity(case):
    assessment, rows = case
    for scale in assessment.scales:
        bounds = scale_bounds(scale)
        if bounds is None:
            continue
        low, high = bounds
        for option in scale.options:
            if option.score is None:
                continue
            twice = reverse_score(reverse_score(option.score, low, high), low, high)
            assert twice == pytest.approx(option.score, abs=1e-9)
            forward, backward = (
                normalise(option.score, low, high),
                normalise(option.score, low, high, reverse=True),
            )
            assert forward + backward == pytest.approx(100)

    def flip(a):
        return attrs.evolve(
            a,
            sections=tuple(
                attrs.evolve(s, items=tuple(attrs.evolve(i, reverse=not i.reverse) for i in s.items))
                for s in a.sections
            ),
        )

    once, twice = flip(assessment), flip(flip(assessment))
    assert twice == assessment
    assert score(twice, rows, min_group_size=1) == score(assessment, rows, min_group_size=1)
    # reversed once, every item's mean answer turns around: 100 - x
    before, after = score(assessment, rows, min_group_size=1), score(once, rows, min_group_size=1)
    for a, b in zip(before.groups, after.groups, strict=True):
        for x, y in zip(a.dimensions, b.dimensions, strict=True):
            assert x.answers == y.answers
            if x.score is not None:
                assert x.score + y.score == pytest.approx(100, abs=1e-6)


@given(assessed(respondents=st.integers(1, 12)), st.data())
def test_raising_one_answer_never_lowers_its_dimension(case, data):
    assessment, rows = case
    scales = {s.id: s for s in assessment.scales}
    items = {i.link_id: i for i in assessment.items()}

    def worth(item, option):
        low, high = scale_bounds(scales[item.scale])
        return normalise(option.score, low, high, reverse=item.reverse)

    candidates = [
        (index, link)
        for index, row in enumerate(rows)
        for link, code in row.answers.items()
        if ob.scoring.is_scored(next(o for o in scales[items[link].scale].options if o.code == code))
    ]
    if not candidates:
        return
    index, link = data.draw(st.sampled_from(candidates))
    item = items[link]
    options = [o for o in scales[item.scale].options if ob.scoring.is_scored(o)]
    current = next(o for o in options if o.code == rows[index].answers[link])
    higher = [o for o in options if worth(item, o) >= worth(item, current)]
    better = data.draw(st.sampled_from(higher))
    raised = list(rows)
    raised[index] = attrs.evolve(rows[index], answers={**rows[index].answers, link: better.code})

    def dimension_score(result):
        group = next(g for g in result.groups if g.group == rows[index].group)
        return next(d.score for d in group.dimensions if d.dimension == item.dimension)

    before = dimension_score(score(assessment, rows, min_group_size=1))
    after = dimension_score(score(assessment, raised, min_group_size=1))
    assert after >= before


@given(assessed(optional=True), st.data())
def test_not_applicable_answers_do_not_move_a_score(case, data):
    assessment, rows = case
    scales = {s.id: s for s in assessment.scales}
    with_na = []
    for row in rows:
        answers = dict(row.answers)
        for item in assessment.items():
            na = [o.code for o in scales[item.scale].options if not ob.scoring.is_scored(o)]
            if row.group in item.text and item.link_id not in answers and na and data.draw(st.booleans()):
                answers[item.link_id] = data.draw(st.sampled_from(na))
        with_na.append(attrs.evolve(row, answers=answers))
    plain, padded = score(assessment, rows, min_group_size=1), score(assessment, with_na, min_group_size=1)
    assert plain.gaps == padded.gaps
    for a, b in zip(plain.groups, padded.groups, strict=True):
        assert (a.group, a.respondents, a.suppressed) == (b.group, b.respondents, b.suppressed)
        for x, y in zip(a.dimensions, b.dimensions, strict=True):
            assert (x.dimension, x.answers, x.mean, x.score, x.band) == (
                y.dimension,
                y.answers,
                y.mean,
                y.score,
                y.band,
            )


@given(assessed(respondents=st.integers(0, 25)), st.integers(1, 30))
def test_suppression_always_hides_groups_under_the_threshold(case, threshold):
    assessment, rows = case
    result = score(assessment, rows, min_group_size=threshold)
    reported = set()
    for group in result.groups:
        assert group.respondents == sum(r.group == group.group for r in rows)
        assert group.suppressed == (group.respondents < threshold)
        if group.suppressed:
            assert group.dimensions == ()
        else:
            reported.add(group.group)
    for gap in result.gaps:
        assert {gap.first, gap.second} <= reported


def test_scores_per_column_match_scores_per_response_on_random_data(mini):
    rng = random.Random(7)
    rows = [
        response(
            f"r{i}",
            rng.choice(["team", "parents"]),
            {"welkom": rng.choice("1234"), "drempel": rng.choice(["1", "2", "3", "4", "na"])},
        )
        for i in range(200)
    ]
    columns = ResponseSet.from_responses(rows, assessment=ID, version="1.0")
    assert score(mini, columns) == score(mini, rows)


def _evolve_item(assessment, link_id, **changes):
    return attrs.evolve(
        assessment,
        sections=tuple(
            attrs.evolve(
                section,
                items=tuple(attrs.evolve(i, **changes) if i.link_id == link_id else i for i in section.items),
            )
            for section in assessment.sections
        ),
    )


def _with_scored_na(assessment, na_score):
    """*assessment* with its "na" option carrying a score (the schema allows it; scoring ignores it)."""
    (agree,) = assessment.scales
    options = tuple(attrs.evolve(o, score=na_score) if o.not_applicable else o for o in agree.options)
    return attrs.evolve(assessment, scales=(attrs.evolve(agree, options=options),))


@pytest.mark.parametrize("na_score", [0.0, 2.5, 9.0])
def test_a_not_applicable_option_with_a_score_is_still_left_out(mini, na_score):
    scored_na = _with_scored_na(mini, na_score)
    (agree,) = scored_na.scales
    assert any(o.not_applicable and o.score == na_score for o in agree.options)
    assert scale_bounds(agree) == (1.0, 4.0)  # its score widens no bound
    # the same hand-computed case as above: parents' "na" for drempel is not counted
    responses = [
        response("p1", "parents", {"welkom": "4", "drempel": "1"}),
        response("p2", "parents", {"welkom": "2", "drempel": "na"}),
    ]
    parents = dimension(score(scored_na, responses, min_group_size=2), "parents")
    assert parents.answers == 3
    assert parents.mean == pytest.approx(10 / 3)
    assert parents.score == pytest.approx(700 / 9)
    assert parents.distribution["na"] == 1
    only_na = dimension(
        score(scored_na, [response("p1", "parents", {"welkom": "na", "drempel": "na"})], min_group_size=1),
        "parents",
    )
    assert (only_na.answers, only_na.mean, only_na.score, only_na.band) == (0, None, None, None)


def _mapping(number, subject, predicate, obj, confidence):
    return ob.Mapping(
        id=f"t/m{number}",
        subject=subject,
        predicate=predicate,
        object=obj,
        justification=ob.LocalizedText({"nl": "test"}),
        confidence=confidence,
        author=ob.Agent(name="test"),
        provenance=ob.Provenance(source="test", status="example-authored-here"),
    )


def test_mapped_concepts_keep_the_best_mapping_to_each_outside_concept():
    from ouderbetrokkenheid.scoring.recommend import mapped_concepts

    mappings = [
        _mapping(1, "a#x", "exact", "b#y", 0.8),  # 1.5 x 0.8
        _mapping(2, "a#x", "related", "b#y", 1.0),  # 0.5 x 1: lower, comes later, does not replace it
        _mapping(3, "b#z", "close", "a#x", 0.5),  # the other direction: 1.5 x 0.5
        _mapping(4, "a#x", "broad", "a#w", 1.0),  # between two own concepts: not "mapped"
        _mapping(5, "c#1", "exact", "c#2", 1.0),  # between two outside concepts: not tied to ours
    ]
    assert mapped_concepts({"a#x", "a#w"}, mappings) == {
        "b#y": pytest.approx(1.2),
        "b#z": pytest.approx(0.75),
    }


def test_recommend_limit(mini, library):
    themed = attrs.evolve(mini, themes=("communication",))
    weak = [response(f"t{i}", "team", {"welkom": "1", "drempel": "4"}) for i in range(5)]
    result = score(themed, weak)
    assert recommend(result, themed, library, limit=1).recommendations == {
        "ontmoeten": ("voorbeeld/oudercafe",)
    }
    with pytest.raises(ValueError, match="limit must be at least 1, not 0"):
        recommend(result, themed, library, limit=0)
