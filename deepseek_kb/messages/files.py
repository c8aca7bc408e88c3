"""The catalogue's messages about data folders and where a file or folder may be written (exit
4): the rules of `render/destination.py` and of reading a data folder, in both languages, by id.
"""

from __future__ import annotations

from deepseek_kb.messages.text import Text

FILES: dict[str, Text] = {
    "folder.missing": Text("data folder {folder} does not exist", "数据文件夹 {folder} 不存在"),
    "folder.missing.hint": Text(
        "check DSKB_DATA_DIR / DSKB_PATH, or unset them to use the bundled data",
        "检查 DSKB_DATA_DIR / DSKB_PATH，或取消设置以使用自带的数据",
    ),
    "folder.is_file": Text(
        "data folder {folder} is a file, not a folder", "数据文件夹 {folder} 是文件，不是文件夹"
    ),
    "folder.unreadable": Text(
        "cannot read data folder {folder}: {reason}", "无法读取数据文件夹 {folder}：{reason}"
    ),
    "write.failed": Text("cannot write {path}: {reason}", "无法写入 {path}：{reason}"),
    "write.into_failed": Text("cannot write into {path}: {reason}", "无法写入 {path}：{reason}"),
    "write.foreign_link": Text(
        "{path} is another user's symlink in the shared folder {folder}; not followed",
        "{path} 是共享文件夹 {folder} 中其他用户的符号链接；不跟随",
    ),
    "write.foreign_link.hint": Text(
        "write somewhere only you can write, e.g. your home folder",
        "写到只有你能写的地方，例如你的主目录",
    ),
    "write.empty": Text("the output path is empty", "输出路径是空的"),
    "write.empty.database": Text("name a file, e.g. -o kb.db", "请给出文件名，例如 -o kb.db"),
    "write.empty.folder": Text("name a folder, e.g. -o kb-csv/", "请给出文件夹，例如 -o kb-csv/"),
    "write.empty.file": Text("name a file", "请给出文件名"),
    "write.empty.either": Text("name a file or a folder", "请给出文件或文件夹"),
    "write.is_folder": Text("{path} is a folder, not a file", "{path} 是文件夹，不是文件"),
    "write.is_folder.hint": Text("name a file inside it", "请给出其中的一个文件"),
    "write.is_file": Text("{path} is a file, not a folder", "{path} 是文件，不是文件夹"),
    "write.is_file.hint": Text("name a folder", "请给出文件夹"),
    "write.no_parent": Text(
        "cannot write {path}: the folder {folder} does not exist",
        "无法写入 {path}：文件夹 {folder} 不存在",
    ),
    "write.no_parent.hint": Text(
        "create the folder first, or write somewhere else", "先创建该文件夹，或写到别处"
    ),
    "write.data_in_use": Text(
        "{path} is in the data folder {folder}, which is in use",
        "{path} 在正在使用的数据文件夹 {folder} 中",
    ),
    "write.holds_data_in_use": Text(
        "{path} holds the data folder {folder}, which is in use",
        "{path} 包含正在使用的数据文件夹 {folder}",
    ),
    "write.in_use.hint": Text(
        "export somewhere else; dskb reads a data folder, it never writes one",
        "导出到别处；dskb 只读数据文件夹，从不写入",
    ),
    "write.protected": Text(
        "{path} is write-protected (mode {mode}); not replaced", "{path} 写保护（{mode}）；未替换"
    ),
    "write.protected.hint": Text(
        "make it writable first (chmod u+w) if it is to be replaced, or write elsewhere",
        "如要替换，先让它可写（chmod u+w），或写到别处",
    ),
    "write.hard_links": Text(
        "{path} has {links} hard links; replacing it would leave the other names with the old "
        "content",
        "{path} 有 {links} 个硬链接；替换它会让其他名字仍指向旧内容",
    ),
    "write.hard_links.hint": Text(
        "remove the other links first, or write to a new file", "先删除其他链接，或写到新文件"
    ),
    "write.owner": Text(
        "{path} belongs to another user or group that dskb cannot keep; not replaced",
        "{path} 属于 dskb 无法保留的其他用户或组；未替换",
    ),
    "write.owner.hint": Text(
        "write to a new file, or ask its owner", "写到新文件，或询问它的所有者"
    ),
    "write.special": Text(
        "{path} is {kind}; a database is written to a regular file only",
        "{path} 是{kind}；数据库只写入普通文件",
    ),
    "write.foreign_files": Text(
        "{path} holds files an export does not write ({names}); nothing was changed",
        "{path} 中有导出不会写的文件（{names}）；什么也没有改动",
    ),
    "write.foreign_files.hint": Text(
        "export into a new or empty folder, or one an earlier export of this format wrote",
        "导出到新的或空的文件夹，或此前同一格式导出写过的文件夹",
    ),
}
