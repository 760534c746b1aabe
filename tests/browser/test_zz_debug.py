import json, time, urllib.request, urllib.parse
from tests.browser.conftest import skip_without_browser
skip_without_browser()

def test_debug(board_server, seeder):
    seeder.employer("dbg@x.cn", "长春调试光电有限公司")
    jid = seeder.job("dbg@x.cn", "太赫兹成像算法工程师甲")
    for i in range(5):
        for q in ["太赫兹"]:
            for sort in ["relevance", "newest"]:
                url = board_server.url + "/api/jobs?" + urllib.parse.urlencode({"q": q, "sort": sort, "per_page": 3})
                data = json.load(urllib.request.urlopen(url))
                print(i, repr(q), sort, data["total"], [it["title"] for it in data["items"]][:3])
            html = urllib.request.urlopen(board_server.url + "/jobs?" + urllib.parse.urlencode({"q": q})).read().decode()
            print("html", "太赫兹成像算法工程师甲" in html)
        time.sleep(1)
