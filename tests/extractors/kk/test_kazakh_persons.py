"""Kazakh rules, persons: position anchors, surname endings, capitals, typos, namesakes."""

from __future__ import annotations

from kazakh_support import extract, names

from kg.model import EntityType

PERSON = EntityType.PERSON


def test_a_name_after_a_position_is_a_person() -> None:
    found = extract("Жиынға «Көктем» қорының өкілі Сәуле Ахметова қатысты.")
    assert names(found, PERSON) == {"Сәуле Ахметова"}


def test_three_word_names_after_a_position() -> None:
    found = extract("Кездесуге Жапонияның елшісі Такеши Ито Ямада және аудармашы қатысты.")
    assert "Такеши Ито Ямада" in names(found, PERSON)


def test_a_surname_ending_marks_a_person_without_a_position() -> None:
    found = extract("Бүгін Нұржан Сейітқалиев жаңа жобаны таныстырды.")
    assert names(found, PERSON) == {"Нұржан Сейітқалиев"}


def test_a_known_first_name_marks_a_person() -> None:
    found = extract("Шараны Дана Әлімжан жүргізді.")
    assert names(found, PERSON) == {"Дана Әлімжан"}


def test_capitalised_words_without_cues_are_no_person() -> None:
    found = extract("Биыл Орталық Азия елдерінде Жасыл Белдеу бағдарламасы басталды.")
    assert names(found, PERSON) == set()


def test_surnames_in_capitals_get_normal_capitalisation() -> None:
    found = extract("Форумды «Ақниет» қорының директоры Нұрлан ОМАРОВ ашты.")
    assert names(found, PERSON) == {"Нұрлан Омаров"}


def test_case_endings_are_removed_from_the_surname() -> None:
    found = extract(
        "Министр Бақытжан Сәрсенбаевпен кездесті. Ол Ләззат Тұрсынованың ұсынысын қолдады."
    )
    assert names(found, PERSON) == {"Бақытжан Сәрсенбаев", "Ләззат Тұрсынова"}


def test_mentions_of_one_person_share_a_name() -> None:
    text = (
        "«Дала» қорының төрағасы Гүлмира САТЫБАЛДИНА сөз алды. "
        "Гүлмира Сатыбалдинаның айтуынша, жоба жалғасады."
    )
    found = extract(text)
    mentions = [m for m in found.mentions if m.type is PERSON]
    assert len(mentions) == 2
    assert {m.name for m in mentions} == {"Гүлмира Сатыбалдина"}


def test_a_typo_in_a_long_surname_keeps_one_name() -> None:
    text = (
        "Еуроодақ өкілдігінің басшысы Йоханна Вайсенштайнер-Грау сөйледі. "
        "Кейін Йоханна Вайсенштайнер-Гарау журналистерге жауап берді."
    )
    found = extract(text)
    assert names(found, PERSON) == {"Йоханна Вайсенштайнер-Грау"}


def test_trailing_honorifics_are_left_out_of_the_name_and_patronymics_kept() -> None:
    # an honorific or a patronymic inside the name is part of its fullest written form
    # (the corpus convention); an honorific after the name ("мырза", "ханым") is not
    found = extract(
        "Көрменің жетекшісі Ольга Петровна Семенова мен мүфти Әбілқасым қажы Жолдасбекұлы "
        "және Ерлан Байжанов мырза келді."
    )
    assert names(found, PERSON) == {
        "Ольга Петровна Семенова",
        "Әбілқасым қажы Жолдасбекұлы",
        "Ерлан Байжанов",
    }


def test_namesakes_inside_organisation_names_are_not_people() -> None:
    text = (
        "Абай Құнанбайұлы атындағы педагогикалық университетінің профессоры Марат Ділдәбеков "
        "Мұхтар Әуезовтің ашық аспан астындағы мұражайы туралы айтты."
    )
    found = extract(text)
    assert names(found, PERSON) == {"Марат Ділдәбеков"}


def test_initials_with_a_surname_are_a_person() -> None:
    found = extract("Қордың өкілі А.Б. Жұмабаев баяндама жасады.")
    assert names(found, PERSON) == {"А.Б. Жұмабаев"}


def test_a_name_joined_to_a_name_is_a_person() -> None:
    found = extract("Голдарды Дмитрий Шомко мен Жорди Кастельс соқты.")
    assert names(found, PERSON) == {"Дмитрий Шомко", "Жорди Кастельс"}
