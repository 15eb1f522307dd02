"""Office-holders of a named office (the relation stage, every language; made-up names)."""

from __future__ import annotations

import pytest
from extraction_support import posts

from kg.pipeline import Pipeline


@pytest.mark.parametrize(
    ("lang", "text", "post"),
    [
        (
            "ru",
            "Акимат Уральска утвердил программу. Аким Уральска Ерлан Кольбаев открыл встречу.",
            ("Ерлан Кольбаев", "Акимат Уральска", "аким"),
        ),
        (
            "kk",
            "Орал қаласының әкімдігі бағдарлама бекітті. Орал қаласының әкімі Алтай Көлбаев "
            "жиынды ашты.",
            ("Алтай Көлбаев", "Орал қаласының әкімдігі", "әкім"),
        ),
        (
            "en",
            "The Uralsk akimat approved a programme. Uralsk akim Altai Kolbayev opened it.",
            ("Altai Kolbayev", "Uralsk akimat", "akim"),
        ),
    ],
)
def test_an_akim_holds_the_post_in_the_akimat_the_article_names(
    pipeline: Pipeline, lang: str, text: str, post: tuple[str, str, str]
) -> None:
    assert post in posts(pipeline, text, lang)


def test_an_akim_without_a_named_akimat_has_no_post(pipeline: Pipeline) -> None:
    assert posts(pipeline, "Аким Уральска Ерлан Кольбаев открыл встречу.", "ru") == set()


def test_an_akimat_of_another_place_is_not_the_akims(pipeline: Pipeline) -> None:
    text = "Акимат Актобе утвердил программу. Аким Уральска Ерлан Кольбаев открыл встречу."
    assert posts(pipeline, text, "ru") == set()


@pytest.mark.parametrize(
    ("lang", "text", "body"),
    [
        (
            "ru",
            "В состав попечительского совета фонда «Жайлау» вошли А. Алибеков, Б. Бекмуратов "
            "и С. Н. Омаров.",
            "Фонд «Жайлау»",
        ),
        (
            "en",
            "The board of the Steppe Water Foundation includes Marat Omarbek, Dina Kimova and "
            "Aliya Sultanbek.",
            "Steppe Water Foundation",
        ),
    ],
)
def test_people_listed_together_share_a_membership(
    pipeline: Pipeline, lang: str, text: str, body: str
) -> None:
    found = posts(pipeline, text, lang)
    assert len({person for person, org, _ in found if org == body}) == 3


def test_a_list_after_a_singular_title_gives_the_title_to_the_first_alone(
    pipeline: Pipeline,
) -> None:
    found = posts(
        pipeline, "Председатель фонда «Жайлау» Марат Омарбеков и Дина Кимова выступили.", "ru"
    )
    assert found == {("Марат Омарбеков", "Фонд «Жайлау»", "председатель")}


def test_a_deputy_akim_holds_the_deputys_post_in_the_akimat(pipeline: Pipeline) -> None:
    text = "The Uralsk Akimat signed the plan. Deputy Akim of Uralsk Yerlan Abenov signed it."
    assert ("Yerlan Abenov", "Uralsk Akimat", "deputy akim") in posts(pipeline, text, "en")


@pytest.mark.parametrize(
    ("lang", "text", "post"),
    [
        (
            "kk",
            "Жиында Жайық облысының әкімдігі мен «Береке» қоры меморандумға қол қойды. "
            "Құжатқа облыс әкімі Ерсін Дәулетов қол қойды.",
            ("Ерсін Дәулетов", "Жайық облысының әкімдігі", "әкім"),
        ),
        (
            "ru",
            "Акимат Жайыкской области и фонд «Береке» подписали меморандум. Документ "
            "подписал аким области Ерсин Даулетов.",
            ("Ерсин Даулетов", "Акимат Жайыкской области", "аким"),
        ),
        (
            "en",
            "The Zhaiyk Region Akimat signed a memorandum with the Bereke Foundation. The "
            "regional akim, Yersin Dauletov, signed it.",
            ("Yersin Dauletov", "Zhaiyk Region Akimat", "akim"),
        ),
    ],
)
def test_an_akim_of_the_region_holds_the_post_in_the_one_akimat_of_a_region(
    pipeline: Pipeline, lang: str, text: str, post: tuple[str, str, str]
) -> None:
    assert post in posts(pipeline, text, lang)


def test_a_district_akim_is_not_the_regions_akim(pipeline: Pipeline) -> None:
    text = "Жайық облысының әкімдігі бағдарлама бекітті. Аудан әкімі Ерсін Дәулетов жиынды ашты."
    assert not any(person == "Ерсін Дәулетов" for person, _, _ in posts(pipeline, text, "kk"))


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The Embassy of Japan in Kazakhstan supported the project. Japanese "
            "Ambassador Kenji Tanaka attended.",
            ("Kenji Tanaka", "Embassy of Japan in Kazakhstan", "ambassador"),
        ),
        (
            "ru",
            "Посольство Франции в Казахстане поддержало проект. Посол Франции в Казахстане "
            "Жан Дюбуа посетил фонд «Умит».",
            ("Жан Дюбуа", "Посольство Франции в Казахстане", "посол"),
        ),
        (
            "kk",
            "Жапонияның Қазақстандағы елшілігі жобаны қолдады. Жапонияның Қазақстандағы "
            "елшісі Кэндзи Танака рәсімге қатысты.",
            ("Кэндзи Танака", "Жапонияның Қазақстандағы елшілігі", "елші"),
        ),
    ],
)
def test_an_ambassador_holds_the_post_in_the_embassy_named(
    pipeline: Pipeline, lang: str, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in posts(pipeline, text, lang)


def test_an_ambassador_of_one_of_two_embassies_unnamed_has_no_post(pipeline: Pipeline) -> None:
    text = "The Embassy of Japan and the Embassy of France helped. Ambassador Ken Sato came."
    assert posts(pipeline, text, "en") == set()
