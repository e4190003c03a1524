import pytest
pytestmark = pytest.mark.browser

def test_unchecked_page_is_caught(visit, jasp):
    v = visit(jasp)
    with v.page.expect_navigation():
        v.page.goto("/accounts/login/")  # never checked

def test_csp_violation_is_caught(visit, jasp):
    v = visit(jasp)
    v.page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.appendChild(s);
      const i = document.createElement('img'); i.src = 'http://127.0.0.2:9/x.png'; document.body.appendChild(i); }""")
    v.page.wait_for_timeout(300)
    v.check()

def test_js_error_is_caught(visit, jasp):
    v = visit(jasp)
    v.page.evaluate("setTimeout(() => { throw new Error('boom') }, 0)")
    v.page.wait_for_timeout(200)
    v.check()

def test_axe_violation_is_caught(visit, jasp):
    v = visit(jasp)
    v.page.evaluate("""() => { document.querySelector('main').insertAdjacentHTML('beforeend', '<img src="data:,"><p style="color:#eee">faint</p><a href="/"></a>'); }""")
    v.check()
