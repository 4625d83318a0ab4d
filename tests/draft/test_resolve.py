"""Every resolution rule, as a table: a sentence × a publication date → the dates drafted from it."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import parse_date
from timeline.draft.extract import extract

TUE_5_OCT_2021 = "2021-10-05"  # a Tuesday
THU_13_MAY_2021 = "2021-05-13"
SUN_17_OCT_2021 = "2021-10-17"


def dates(sentence: str, published: str) -> list[str]:
    """The dates drafted from a one-sentence article; each must be one the date model accepts."""
    found = [f.span.edtf() for f in extract(sentence, date.fromisoformat(published))]
    for value in found:
        parse_date(value)
    return found


RULES = [
    # weekday names: the day of that week, by tense
    ("On Tuesday a Russian actress docked with the station.", TUE_5_OCT_2021, ["2021-10-05"]),
    ("The crew arrived on Monday.", TUE_5_OCT_2021, ["2021-10-04"]),
    ("The crew launched on Wednesday.", TUE_5_OCT_2021, ["2021-09-29"]),
    ("The crew will land on Wednesday.", TUE_5_OCT_2021, ["2021-10-06"]),
    ("The crew will return on Sunday.", TUE_5_OCT_2021, ["2021-10-10"]),
    ("The film premiered last Tuesday.", TUE_5_OCT_2021, ["2021-09-28"]),
    ("The film premieres next Tuesday.", TUE_5_OCT_2021, ["2021-10-12"]),
    ("The pair landed on Tuesday.", SUN_17_OCT_2021, ["2021-10-12"]),
    # today, yesterday, tomorrow
    ("They landed safely on Earth today in Kazakhstan.", SUN_17_OCT_2021, ["2021-10-17"]),
    ("Organisers announced the date yesterday.", TUE_5_OCT_2021, ["2021-10-04"]),
    ("Tickets go on sale tomorrow.", TUE_5_OCT_2021, ["2021-10-06"]),
    # years and months relative to the publication date
    ("SpaceX carried people to the ISS last year.", TUE_5_OCT_2021, ["2020"]),
    ("The agency said this year that it will resume tourism.", TUE_5_OCT_2021, ["2021"]),
    ("Russia plans to film in space later this year.", THU_13_MAY_2021, ["2021"]),
    ("The next crew will fly next year.", TUE_5_OCT_2021, ["2022"]),
    ("SpaceX flew four civilians last month.", TUE_5_OCT_2021, ["2021-09"]),
    ("Later this month, Shatner will go to space.", TUE_5_OCT_2021, ["2021-10"]),
    ("The station will be visited next month.", TUE_5_OCT_2021, ["2021-11"]),
    ("The results come out next week.", TUE_5_OCT_2021, ["2021-10-11/2021-10-17"]),
    ("The scans were finished last week.", TUE_5_OCT_2021, ["2021-09-27/2021-10-03"]),
    ("The satellite was fuelled over the weekend.", TUE_5_OCT_2021, ["2021-10-02/2021-10-03"]),
    ("The grant was awarded last autumn.", THU_13_MAY_2021, ["2020"]),
    # a month without a year: the next one for the future, the last one for the past
    ("Russia will send Maezawa to the station in December.", TUE_5_OCT_2021, ["2021-12"]),
    ("The casting opened in December.", TUE_5_OCT_2021, ["2020-12"]),
    ("Cruise will head to the ISS in October.", THU_13_MAY_2021, ["2021-10"]),
    ("Vande Hei had been due to return in October.", "2022-03-30", ["2021-10"]),
    ("Curators began scanning in mid-March.", "2019-07-18", ["2019-03"]),
    # a day without a year
    ("They are set to return to Earth on October 16.", TUE_5_OCT_2021, ["2021-10-16"]),
    ("The order, dated Nov. 3, gives the service six weeks.", "2022-11-04", ["2022-11-03"]),
    ("The fete will be held on Saturday 14 July.", "2018-06-14", ["2018-07-14"]),
    ("The crew blasts off on October 5 this year.", THU_13_MAY_2021, ["2021-10-05"]),
    # open intervals
    ("Beginning no later than June 1, the training will be filmed.", THU_13_MAY_2021, ["../2021-06-01"]),
    ("The records must be handed over no later than Dec. 15.", "2022-11-04", ["../2022-12-15"]),
    ("By the end of the year, the archive will be searchable.", "2019-07-18", ["../2019"]),
    ("The station will keep flying until 2030.", "2024-02-10", ["../2030"]),
    ("Shuttle flights did not resume until July 2005.", "2024-02-10", ["2005-07"]),
    ("The launch moved to no earlier than Oct. 14.", "2022-10-03", ["2022-10-14/.."]),
    # the year, when the text gives no month
    ("Roscosmos announced a casting in late 2020.", THU_13_MAY_2021, ["2020"]),
    ("NASA plans to deorbit it in early 2031.", "2024-02-10", ["2031"]),
    ("Repairs were completed in the spring of 2017.", "2018-06-14", ["2017"]),
    ("It made a profit in the first half of 2022.", "2022-06-02", ["2022-01/2022-06"]),
    ("Deliveries start in Q3 2024.", "2024-02-10", ["2024-07/2024-09"]),
    # ranges, decades, centuries
    ("The Apollo programme ran 1966-1969.", THU_13_MAY_2021, ["1966/1969"]),
    ("Kelly set the record in 2015-2016.", "2022-03-30", ["2015/2016"]),
    ("The station was assembled between 1998 and 2011.", "2024-02-10", ["1998/2011"]),
    ("She chaired the committee from 1998 to 2006.", "2018-06-14", ["1998/2006"]),
    ("Filming ran October 5-17, 2021.", SUN_17_OCT_2021, ["2021-10-05/2021-10-17"]),
    ("The archive has been at the museum since the 1970s.", "2019-07-18", ["197X"]),
    ("Rocketry began in the 20th century.", "2019-07-18", ["19XX"]),
    # absolute dates in common English forms
    (
        "The launch was at the Baikonur Cosmodrome, Kazakhstan October 5, 2021.",
        TUE_5_OCT_2021,
        ["2021-10-05"],
    ),
    ("Zarya was launched on 20 November 1998.", "2024-02-10", ["1998-11-20"]),
    ("The contract was awarded on Sept. 30, 2019.", "2022-11-04", ["2019-09-30"]),
    ("The film was released on the 5th of October 2017.", THU_13_MAY_2021, ["2017-10-05"]),
    ("The date was set as 2021-10-05.", THU_13_MAY_2021, ["2021-10-05"]),
    ("The project was announced in September 2020.", THU_13_MAY_2021, ["2020-09"]),
    ("Released in 2017, it told the story of 1985's rescue.", THU_13_MAY_2021, ["2017", "1985"]),
    ("Klim Shipenko's Salyut 7 (2017)", THU_13_MAY_2021, ["2017"]),
    ("It flew on 25/12/2016.", THU_13_MAY_2021, ["2016-12-25"]),
    ("It flew on 3/4/2016.", THU_13_MAY_2021, ["2016"]),
    # times with their zones
    ("A hearing is set for 10 a.m. ET on Jan. 9, 2023.", "2022-11-04", ["2023-01-09T10:00-05:00"]),
    ("The vote is at 8:40 a.m. EST on Oct. 5, 2021.", TUE_5_OCT_2021, ["2021-10-05T08:40-05:00"]),
    (
        "It lifted off at 10:38 a.m. Moscow time (0738 GMT) on Wednesday.",
        "2021-12-08",
        ["2021-12-08T10:38+03:00"],
    ),
    ("It entered orbit at 0412 UTC on Wednesday.", "2023-11-02", ["2023-11-01T04:12Z"]),
    ("Tickets go on sale tomorrow at 9am.", "2018-06-14", ["2018-06-15"]),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), RULES)
def test_rule(sentence: str, published: str, expected: list[str]) -> None:
    assert dates(sentence, published) == expected


ARTICLE_CONTEXT = [
    # a time with no day takes the day named before it in the article
    ("It landed on Wednesday.\n\nThe capsule touched down at 7:28 a.m. EDT.", "2022-03-30",
     ["2022-03-30", "2022-03-30T07:28-04:00"]),
    # offsets count from the date before them
    ("Zarya was launched on 20 November 1998. Two weeks later, Unity was attached.", "2024-02-10",
     ["1998-11-20", "1998-12-04"]),
    ("It was approved in 2014 and survived a review the following year.", "2024-02-10", ["2014", "2015"]),
    ("It lifted off at 10:38 a.m. Moscow time on Wednesday. The crew docked six hours later.", "2021-12-08",
     ["2021-12-08T10:38+03:00", "2021-12-08"]),
    ("The crew landed two weeks ago.", TUE_5_OCT_2021, ["2021-09-21"]),
    # "the month" is the month the sentence named
    ("Cruise will head to the ISS in October, after the Russian flight at the start of the month.",
     THU_13_MAY_2021, ["2021-10"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "published", "expected"), ARTICLE_CONTEXT)
def test_dates_from_the_article_before(text: str, published: str, expected: list[str]) -> None:
    assert dates(text, published) == expected


NOT_DATES = [
    "I remember the fete as if it were yesterday.",
    "It was selected out of 3,000 applicants.",
    "More than 2000 people applied.",
    "The Apollo 11 crew used Launch Pad 39A.",
    "The probe orbits asteroid 2011 QF99.",
    "Shares rose 4% and the crew may fly.",
    "A Soyuz MS-19 spacecraft carried the crew on a 12-day mission.",
    "Everyone says the march was long.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_words_that_only_look_like_dates_are_not_drafted(sentence: str) -> None:
    assert dates(sentence, TUE_5_OCT_2021) == []


def test_a_relative_date_carries_a_note_naming_the_publication_day() -> None:
    (found,) = extract("On Tuesday a Russian actress docked.", date(2021, 10, 5))
    assert found.span.note is not None
    assert found.span.note.startswith('"On Tuesday" in an article published Tue 5 Oct 2021')


def test_an_absolute_date_has_no_note() -> None:
    (found,) = extract("Zarya was launched on 20 November 1998.", date(2024, 2, 10))
    assert found.span.note is None
