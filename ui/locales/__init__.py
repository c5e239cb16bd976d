"""One module per topic, each defining `STRINGS = {key: (english, chinese)}`."""
