import pytest

from planner.importing.values import DateReader, ValueProblem, parse_count, parse_date, parse_money


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2024-08-23T02:11:15Z", "2024-08-23T02:11:15+00:00"),
        ("2024-03-12T10:00:00+09:00", "2024-03-12T10:00:00+09:00"),
        ("2024-03-12 10:00:00.723", "2024-03-12T10:00:00"),
        ("2024-03-12", "2024-03-12"),
        ("25/Jun/20 12:44", "2020-06-25T12:44:00"),
        ("12/Mar/24 9:41 AM", "2024-03-12T09:41:00"),
        ("12/Mar/24 9:41 PM", "2024-03-12T21:41:00"),
        ("12/Mar/24 12:05 AM", "2024-03-12T00:05:00"),
        ("10/oct./16 11:54 AM", "2016-10-10T11:54:00"),
        ("06/août/15 12:00 PM", "2015-08-06T12:00:00"),
        ("14/févr./19 3:00 PM", "2019-02-14T15:00:00"),
        ("2024/3/12", "2024-03-12"),
        ("2024/03/12 9:41:00", "2024-03-12T09:41:00"),
        ("2024年3月12日", "2024-03-12"),
        ("2024年3月12日 10:30", "2024-03-12T10:30:00"),
        ("令和6年3月12日", "2024-03-12"),
        ("令和元年5月1日", "2019-05-01"),
        ("平成31年4月30日", "2019-04-30"),
        ("R6.3.12", "2024-03-12"),
        ("H30.12.1", "2018-12-01"),
        ("２０２４／３／１２", "2024-03-12"),
        ("1710230400", "2024-03-12T08:00:00+00:00"),
        ("1710230400000", "2024-03-12T08:00:00+00:00"),
        ("", None),
    ],
)
def test_date_forms(text, expected):
    assert parse_date(text) == expected


def test_ambiguous_date_reads_month_first_without_evidence_and_says_so():
    reader = DateReader()
    assert reader("3/12/2024") == "2024-03-12"
    assert reader.assumed_order


@pytest.mark.parametrize(
    "sample, text, expected",
    [
        (["31/12/2024", "3/12/2024"], "3/12/2024", "2024-12-03"),
        (["12/31/2024", "3/12/2024"], "3/12/2024", "2024-03-12"),
        (["3/4/2024 9:41 AM", "25/4/2024 1:00 PM"], "3/4/2024 9:41 AM", "2024-04-03T09:41:00"),
    ],
)
def test_day_month_order_is_decided_per_file_from_the_values(sample, text, expected):
    reader = DateReader()
    reader.decide(sample)
    assert reader(text) == expected
    assert not reader.assumed_order


def test_a_date_against_the_files_order_is_an_error_not_a_swap():
    reader = DateReader()
    reader.decide(["12/31/2024"])
    with pytest.raises(ValueProblem, match="month/day"):
        reader("31/12/2024")


@pytest.mark.parametrize("text", ["2024-02-30", "32/Jan/24", "12/Foo/24 9:41", "yesterday", "2024年13月1日", "R6.13.1"])
def test_unreadable_dates_are_errors(text):
    with pytest.raises(ValueProblem):
        parse_date(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("¥120,000", 120000.0),
        ("￥120,000", 120000.0),
        ("$1.2k", 1200.0),
        ("１２０，０００", 120000.0),
        ("120000円", 120000.0),
        ("12万", 120000.0),
        ("1.5M", 1500000.0),
        ("€1.234,50", 1234.5),
        ("1 234,5", 1234.5),
        ("USD 99.90", 99.9),
        ("3000", 3000.0),
        ("", None),
    ],
)
def test_money_forms(text, expected):
    assert parse_money(text) == pytest.approx(expected) if expected is not None else parse_money(text) is None


@pytest.mark.parametrize("text", ["about 100", "1,20,0", "¥", "-500", "(1,200)", "12..5"])
def test_unreadable_or_negative_money_is_an_error(text):
    with pytest.raises(ValueProblem):
        parse_money(text)


@pytest.mark.parametrize("text, expected", [("42", 42), ("1,204", 1204), ("３", 3), ("7.0", 7), ("", None)])
def test_counts(text, expected):
    assert parse_count(text) == expected


@pytest.mark.parametrize("text", ["2.5", "-1", "many"])
def test_bad_counts_are_errors(text):
    with pytest.raises(ValueProblem):
        parse_count(text)
