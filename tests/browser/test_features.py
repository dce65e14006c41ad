"""Training quiz, dark mode (persisted, system default), print view, catalog tools."""
from __future__ import annotations


def luminance(css_color: str) -> float:
    """Relative luminance (0 black .. 1 white) of a computed 'rgb(...)'/'rgba(...)' colour."""
    parts = [float(x) for x in css_color[css_color.index("(") + 1:-1].split(",")[:3]]
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in parts)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def page_colours(browser) -> tuple[float, float]:
    bg, fg = browser.js("""const s = getComputedStyle(document.body);
                           return [s.backgroundColor, s.color];""")
    return luminance(bg), luminance(fg)


def test_quiz_marks_answers_and_shows_the_score(browser, root_url):
    browser.open(root_url + "training/moderation-foundations/")
    form = browser.find("form.quiz")
    questions = form.find_elements("css selector", "fieldset.quiz-question")
    assert len(questions) >= 2
    # Answer the first question wrongly, the rest rightly, like a learner would: click labels.
    for index, fieldset in enumerate(questions):
        answer = int(fieldset.get_attribute("data-answer"))
        labels = fieldset.find_elements("css selector", "label")
        assert len(labels) >= 2
        choice = (answer + 1) % len(labels) if index == 0 else answer
        browser.click(labels[choice])
        assert labels[choice].find_element("css selector", "input[type=radio]").is_selected()
    browser.click(form.find_element("css selector", "button[type=submit]"))

    score = form.find_element("css selector", "p.quiz-score")
    browser.wait(lambda d: score.text, "the score to be shown")
    assert score.text == f"Score: {len(questions) - 1} / {len(questions)}"
    assert score.is_displayed()
    classes = [set(q.get_attribute("class").split()) for q in questions]
    assert "wrong" in classes[0] and "correct" not in classes[0]
    assert all("correct" in c and "wrong" not in c for c in classes[1:])
    # The marks are visible, not only classes: the feedback text, and a different look.
    wrong_feedback = questions[0].find_element("css selector", ".quiz-feedback")
    right_feedback = questions[1].find_element("css selector", ".quiz-feedback")
    assert wrong_feedback.is_displayed() and "answer is" in wrong_feedback.text
    assert right_feedback.is_displayed() and right_feedback.text.startswith("Correct")
    look = "const s = getComputedStyle(arguments[0]); return [s.borderColor, s.backgroundColor];"
    assert browser.js(look, questions[0]) != browser.js(look, questions[1]), \
        "right and wrong answers look the same"
    browser.js("arguments[0].scrollIntoView({block: 'center'})", questions[0])
    browser.screenshot("training-quiz-checked")

    # Fixing the wrong answer and checking again gives full marks.
    answer = int(questions[0].get_attribute("data-answer"))
    browser.click(questions[0].find_elements("css selector", "label")[answer])
    browser.click(form.find_element("css selector", "button[type=submit]"))
    browser.wait(lambda d: score.text == f"Score: {len(questions)} / {len(questions)}", "full marks")
    assert "correct" in questions[0].get_attribute("class").split()


def test_dark_mode_toggle_persists_across_pages(browser, root_url):
    browser.media("", prefers_color_scheme="light")
    browser.open(root_url)
    bg, fg = page_colours(browser)
    assert bg > 0.8 and fg < 0.1, "the default (light system preference) is not light"
    toggle = browser.find("#theme-toggle")
    assert toggle.get_attribute("aria-pressed") == "false"
    browser.click(toggle)
    browser.wait(lambda d: page_colours(browser)[0] < 0.05, "the page to turn dark")
    assert page_colours(browser)[1] > 0.6, "dark mode text is not light"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert toggle.get_attribute("aria-label") == "Switch to light mode"

    # Another page, via a link: still dark, from the first paint (no flash of light).
    browser.click(browser.find("main a[href$='policies/']"))
    browser.wait(lambda d: d.current_url.endswith("/policies/"), "the catalog")
    browser.wait_ready()
    assert browser.js("return document.documentElement.dataset.theme") == "dark"
    assert page_colours(browser)[0] < 0.05
    browser.open(root_url + "policies/hate-speech/")
    assert page_colours(browser)[0] < 0.05
    browser.screenshot("dark-policy")
    browser.open(root_url + "training/moderation-foundations/")
    browser.screenshot("dark-training")

    # Toggle back: light, and that choice persists too.
    browser.click(browser.find("#theme-toggle"))
    browser.wait(lambda d: page_colours(browser)[0] > 0.8, "the page to turn light again")
    browser.open(root_url + "faqs/")
    assert page_colours(browser)[0] > 0.8


def test_dark_mode_defaults_to_the_system_preference(browser, root_url):
    browser.media("", prefers_color_scheme="dark")
    browser.open(root_url)
    assert page_colours(browser)[0] < 0.05, "a dark system preference does not give a dark page"
    toggle = browser.find("#theme-toggle")
    assert toggle.get_attribute("aria-label") == "Switch to light mode"
    browser.screenshot("dark-home")
    # The reader's choice beats the system preference, on the next page too.
    browser.click(toggle)
    browser.wait(lambda d: page_colours(browser)[0] > 0.8, "light mode")
    browser.open(root_url + "faqs/")
    assert page_colours(browser)[0] > 0.8


def test_print_view_hides_navigation(browser, root_url):
    browser.open(root_url + "policies/harassment-bullying/")
    chrome = [".site-nav", ".toc", "#search", "#theme-toggle", ".nav-toggle"]
    for css in chrome:
        assert browser.find(css).is_displayed() or css == ".nav-toggle", f"{css} not shown on screen"
    browser.media("print")
    hidden = {css: browser.find(css).is_displayed() for css in chrome}
    assert not any(hidden.values()), f"shown in print: {[c for c, shown in hidden.items() if shown]}"
    main = browser.find("main#content")
    assert main.is_displayed()
    assert browser.find("main h1").text == "Harassment & Bullying"
    assert browser.find("#brigading").is_displayed()
    # The content uses the page's width once the nav is gone.
    width = browser.js("return [arguments[0].getBoundingClientRect().width, innerWidth]", main)
    assert width[0] > 0.8 * width[1], f"printed content is only {width[0]}px of {width[1]}px"


def test_catalog_filter_and_sort(browser, root_url):
    browser.open(root_url + "faqs/")
    rows = lambda: [r for r in browser.find_all("main table.sortable tbody tr") if r.is_displayed()]
    total = len(rows())
    assert total >= 10
    text = browser.find(".table-tools .table-filter")
    assert text.is_displayed()
    text.send_keys("appeal")
    browser.wait(lambda d: 0 < len(rows()) < total, "the catalog filter to narrow the rows")
    assert all("appeal" in r.text.lower() for r in rows())
    from selenium.webdriver.common.keys import Keys
    text.send_keys(Keys.CONTROL, "a")
    text.send_keys(Keys.BACKSPACE)
    browser.wait(lambda d: len(rows()) == total, "all rows back")
    sort = browser.find("main table.sortable thead th button.sort")   # the Title column
    browser.click(sort)
    titles = [r.find_element("css selector", "td").text.lower() for r in rows()]
    assert titles == sorted(titles)
    browser.click(sort)
    titles = [r.find_element("css selector", "td").text.lower() for r in rows()]
    assert titles == sorted(titles, reverse=True)


def test_checking_an_unanswered_quiz_reveals_no_answer(browser, root_url):
    browser.open(root_url + "training/moderation-foundations/")
    form = browser.find("form.quiz")
    browser.click(form.find_element("css selector", "button[type=submit]"))
    score = form.find_element("css selector", "p.quiz-score")
    browser.wait(lambda d: score.text, "the prompt to answer first")
    assert score.text == "Choose an answer to at least one question, then check."
    for fieldset in form.find_elements("css selector", "fieldset.quiz-question"):
        feedback = fieldset.find_element("css selector", ".quiz-feedback")
        assert not feedback.is_displayed() and "answer is" not in feedback.get_attribute("textContent")
        assert "correct" not in fieldset.get_attribute("class").split()

    # Answering only the first question marks it; the others stay unrevealed.
    questions = form.find_elements("css selector", "fieldset.quiz-question")
    browser.click(questions[0].find_elements("css selector", "label")[0])
    browser.click(form.find_element("css selector", "button[type=submit]"))
    browser.wait(lambda d: score.text.startswith("Score:"), "the score")
    explanation = questions[0].find_element("css selector", ".quiz-explanation")
    assert explanation.is_displayed() and "whatever reason the reporter picked" in explanation.text
    for fieldset in questions[1:]:
        assert not fieldset.find_elements("css selector", ".quiz-explanation") or \
            not fieldset.find_element("css selector", ".quiz-explanation").is_displayed()
        feedback = fieldset.find_element("css selector", ".quiz-feedback").text
        assert feedback == "Not answered yet."
        assert not {"correct", "wrong"} & set(fieldset.get_attribute("class").split())
