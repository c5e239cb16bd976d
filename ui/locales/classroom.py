"""Strings of the classroom kit: presenter mode, quizzes, share and lesson links, worksheets."""

STRINGS = {
    "classroom.title": ("Classroom", "课堂"),
    "classroom.present": ("Presenter mode", "投影模式"),
    "classroom.present_help": (
        "Larger type, graphs and charts, high contrast and the sidebar collapsed, for projecting. Kept in the link (present=true).",
        "更大的字号、图和图表，更高的对比度并收起侧边栏，适合投影。会保存在链接中（present=true）。",
    ),
    "classroom.quiz": ("Quiz me (predict, then reveal)", "考考我（先预测，再揭晓）"),
    "classroom.quiz_help": (
        "Hides the results this page computes until you have typed a prediction for each question.",
        "在你为每个问题输入预测之前，隐藏本页算出的结果。",
    ),
    "classroom.quiz_title": ("Predict first", "先预测"),
    "classroom.your_guess": ("Your prediction", "你的预测"),
    "classroom.guess_placeholder": ("type a number", "输入一个数"),
    "classroom.reveal": ("Reveal", "揭晓"),
    "classroom.new_attempt": ("Hide the answers again", "重新隐藏答案"),
    "classroom.right": (
        "Right: the value is {answer} (you said {guess}).",
        "答对了：结果是 {answer}（你的预测是 {guess}）。",
    ),
    "classroom.off_by": (
        "The value is {answer}; you said {guess}, off by {error}.",
        "结果是 {answer}；你的预测是 {guess}，相差 {error}。",
    ),
    "classroom.hidden_until_answered": (
        "Quiz mode: the results below are hidden until every question above has been revealed.",
        "考考我模式：在上面的每个问题都揭晓之前，下面的结果会被隐藏。",
    ),
    "classroom.share": ("Share this view", "分享此视图"),
    "classroom.share_help": (
        "This link reopens the page exactly as it is now (use the copy button).",
        "此链接会按现在的样子重新打开本页（点复制按钮）。",
    ),
    "classroom.hide_controls": ("Controls to hide in a lesson link", "课堂链接中要隐藏的控件"),
    "classroom.lesson_link": (
        "Lesson link: students see only the controls you did not hide.",
        "课堂链接：学生只会看到你没有隐藏的控件。",
    ),
    "classroom.worksheet": ("Download a worksheet", "下载练习单"),
    "classroom.ws_name": ("Name:", "姓名："),
    "classroom.ws_inputs": ("Inputs", "输入"),
    "classroom.ws_questions": ("Questions (show your working)", "问题（写出推导过程）"),
    "classroom.ws_answers": ("Answer key", "答案"),
}
