"""Near-duplicate stories: copies and re-posts link, different reports of one event stay apart."""

from __future__ import annotations

from newsgraph.evaluate.stories import read_devset, score_stories
from newsgraph.ingest.stories import StoryIndex, signature

ORIGINAL = (
    "Банк России в пятницу сохранил ключевую ставку на уровне шестнадцати процентов годовых. "
    "Регулятор объяснил решение тем, что инфляция замедляется медленнее, чем ожидалось весной. "
    "Председатель Центробанка на пресс-конференции допустила снижение ставки до конца года, "
    "если рост цен продолжит ослабевать. По её словам, кредитование остаётся слишком активным."
)
REPOST = (
    "Экономические новости\n"
    "Банк России по итогам заседания в пятницу оставил ключевую ставку на уровне шестнадцати процентов годовых. "
    "Регулятор объяснил решение тем, что инфляция замедляется медленнее, чем ожидалось весной. "
    "Председатель Центробанка на пресс-конференции допустила снижение ставки до конца года, "
    "если рост цен продолжит ослабевать. По ее словам, кредитование остается слишком активным!\n"
    "Подписывайтесь на наш канал."
)
SAME_TOPIC = (
    "Ставки по ипотеке и потребительским кредитам вряд ли снизятся в ближайшие месяцы, считают экономисты. "
    "Решение Банка России оставить ключевую ставку на уровне шестнадцати процентов закрепляет высокую стоимость займов. "
    "Застройщики жалуются на падение спроса, а вкладчики переносят сбережения на депозиты."
)


def test_a_repost_joins_the_story_and_a_same_topic_article_does_not():
    index = StoryIndex()
    assert index.add_text("original", ORIGINAL) == "original"
    assert index.add_text("repost", REPOST) == "original"
    assert index.add_text("analysis", SAME_TOPIC) == "analysis"
    assert index.add_text("repost", "другой текст не меняет уже известную историю") == "original"


def test_a_story_known_from_an_earlier_run_is_kept():
    index = StoryIndex()
    index.add("original", signature(ORIGINAL), story_id="story-7")
    assert index.add_text("repost", REPOST) == "story-7"


def test_precision_and_recall_on_the_devset():
    scores = score_stories(read_devset(), shuffles=5)
    assert scores.articles == 36 and scores.gold_pairs == 42 * 6  # 6 stories of 4 copies, 6 of 2
    assert scores.precision == 1.0  # no two different articles are ever merged
    assert scores.recall >= 0.95
