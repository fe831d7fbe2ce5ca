#!/usr/bin/env python3
"""The support console as an agent uses it, in headless Chromium.

Starts `credits serve --demo` (a demo store in a temporary folder, a demo agent whose
password the server prints once), then: a page without a session goes to sign-in; a
wrong password is refused; sign in; search a client; open its log; ask the bluebird
question (expected 200); check that the verdict, the cited entries and the ticket are
on the answer page; follow a cited entry to its highlighted row of the log. A
screenshot of every page is saved. Prints `N passed, N failed` and exits 1 on a failure.
"""
import argparse
import base64
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException

parser = argparse.ArgumentParser()
parser.add_argument("--credits", required=True, help="the credits binary")
parser.add_argument("--screenshots", default=".build/screenshots")
args = parser.parse_args()
os.makedirs(args.screenshots, exist_ok=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


port = free_port()
# The request log goes to a file, so that a full pipe can never stall the server.
server_log = open(os.path.join(args.screenshots, "server.log"), "w+")
server = subprocess.Popen([args.credits, "serve", "--demo", "--port", str(port)],
                          stdout=subprocess.PIPE, stderr=server_log, text=True)
base = f"http://127.0.0.1:{port}"
agent = password = None
deadline = time.time() + 60
while time.time() < deadline and (agent is None or password is None):
    line = server.stdout.readline()
    if not line:
        break
    print("server:", line.rstrip())
    match = re.search(r"agent:\s*(\S+)", line)
    if match:
        agent = match.group(1)
    match = re.search(r"password:\s*(\S+)", line)
    if match:
        password = match.group(1)
if agent is None or password is None:
    print("the server did not print the demo agent and password")
    server.kill()
    server_log.seek(0)
    print(server_log.read())
    sys.exit(1)
for _ in range(100):
    try:
        urllib.request.urlopen(base + "/healthz", timeout=1)
        break
    except OSError:
        time.sleep(0.1)

options = webdriver.ChromeOptions()
options.binary_location = "/usr/bin/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"]:
    options.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.implicitly_wait(2)

passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok: {name}")
    else:
        failed += 1
        print(f"FAILED: {name} {detail}")


def shot(name):
    # The whole page, not only the window: an answer is longer than a screen.
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 8000), "scale": 1}
    data = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})["data"]
    with open(os.path.join(args.screenshots, f"{name}.png"), "wb") as file:
        file.write(base64.b64decode(data))


def text():
    return driver.find_element(By.TAG_NAME, "body").text


def follow(element, submit=False):
    """Clicks `element` (or submits its form) and waits (up to 10 s) until the browser has left the page and
    loaded the next: a click may return before a form's answer or redirect arrives (on a
    loaded machine), and the checks must read the new page, never the old one."""
    old = driver.find_element(By.TAG_NAME, "html")
    if submit:
        element.submit()
    else:
        element.click()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            old.tag_name  # stale once the page is replaced
        except StaleElementReferenceException:
            break
        time.sleep(0.05)
    while time.monotonic() < deadline and driver.execute_script("return document.readyState") != "complete":
        time.sleep(0.05)


try:
    # A page without a session goes to sign-in.
    driver.get(base + "/clients/bluebird-bakery")
    check("a page without a session redirects to sign-in", "/signin" in driver.current_url, driver.current_url)
    shot("01-signin")

    # A wrong password is refused.
    driver.find_element(By.NAME, "name").send_keys(agent)
    driver.find_element(By.NAME, "password").send_keys("not-the-password")
    follow(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    check("a wrong password is refused", "do not match" in text(), text()[:200])
    shot("02-wrong-password")

    # Sign in; back to the page asked for.
    driver.find_element(By.NAME, "password").send_keys(password)
    follow(driver.find_element(By.CSS_SELECTOR, "form button[type=submit]"))
    check("signing in returns to the page asked for", driver.current_url.endswith("/clients/bluebird-bakery"), driver.current_url)
    check("the session cookie is HttpOnly", all(c.get("httpOnly") for c in driver.get_cookies()), str(driver.get_cookies()))

    # Search a client.
    driver.get(base + "/clients")
    box = driver.find_element(By.NAME, "q")
    box.send_keys("bluebird")
    follow(box, submit=True)
    check("the search finds Bluebird Bakery", "Bluebird Bakery" in text() and "112" in text(), text()[:300])
    shot("03-clients")
    follow(driver.find_element(By.LINK_TEXT, "Bluebird Bakery"))
    body = text().lower()
    check("the overview shows the buckets, the plan and the renewal",
          all(word in body for word in ["plan tokens", "rolled-over tokens", "growth", "next renewal", "auto reload"]), body[:400])
    check("the overview lists the creatives still in production", "creatives still in production" in body)
    shot("04-overview")

    # Open the log.
    follow(driver.find_element(By.LINK_TEXT, "Credits log"))
    body = text()
    check("the log is newest first with local times and the zone", "America/Chicago" in body and "CST" in body, body[:300])
    check("the log has type labels and balances", "Submission" in body and "Balance" in body)
    shot("05-log")

    # Ask the bluebird question.
    driver.get(base + "/clients/bluebird-bakery/ask")
    driver.find_element(By.NAME, "expected").send_keys("200")
    follow(driver.find_element(By.CSS_SELECTOR, "form.question button[type=submit]"))
    check("the question is a GET with its numbers in the URL", "expected=200" in driver.current_url, driver.current_url)
    body = text()
    check("the answer has the verdict", "88 tokens lower than you expected" in body, body[:400])
    links = driver.find_elements(By.CSS_SELECTOR, "a.entry-link")
    check("the answer cites entries, linked to the log", len(links) > 0)
    check("the answer has the ticket in text and markdown",
          driver.find_element(By.ID, "ticket-text").text.startswith("Credit balance question")
          and "### Credit balance question" in driver.find_element(By.ID, "ticket-markdown").text)
    check("the ticket has a copy button", len(driver.find_elements(By.CSS_SELECTOR, "button[data-copy]")) == 2)
    shot("06-answer")
    driver.execute_script("document.getElementById('ticket').scrollIntoView()")
    driver.save_screenshot(os.path.join(args.screenshots, "07-ticket.png"))

    # Follow a cited entry to its highlighted row.
    cited = links[0].text
    follow(links[0])
    rows = driver.find_elements(By.CSS_SELECTOR, "tr.highlight")
    check("the cited entry's row is highlighted in the log",
          len(rows) == 1 and cited in rows[0].text and rows[0].get_attribute("id") == f"entry-{cited}",
          f"{cited}: {[r.text for r in rows]}")
    shot("08-cited-entry")

    # A pasted snapshot with an error shows the line and column.
    driver.get(base + "/paste")
    driver.find_element(By.NAME, "snapshot").send_keys("snapshot_version: 1\nclient: [unclosed\n")
    driver.find_element(By.NAME, "expected").send_keys("200")
    follow(driver.find_element(By.CSS_SELECTOR, "form.paste button[type=submit]"))
    check("a pasted snapshot's error shows line and column", re.search(r"line \d+, column \d+", text()) is not None, text()[:400])
    shot("09-paste-error")

    # Signing out ends the session.
    follow(driver.find_element(By.CSS_SELECTOR, "nav form button"))
    driver.get(base + "/clients")
    check("after signing out, pages need a session again", "/signin" in driver.current_url, driver.current_url)
finally:
    driver.quit()
    server.send_signal(signal.SIGTERM)
    try:
        code = server.wait(timeout=15)
        check("the server stops on SIGTERM", code == 0, f"exit {code}")
    except subprocess.TimeoutExpired:
        server.kill()
        check("the server stops on SIGTERM", False, "still running after 15 s")
    server_log.seek(0)
    log = server_log.read()
    check("the request log never holds the password", password not in log and "not-the-password" not in log)

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
