//! The text the drafter reads: the input's characters, one for one, with the variants a
//! grammar should not care about folded away.
//!
//! Folding maps one character to one character, so an offset in the folded text is the
//! offset in the input: spans found on the folded text cite the input exactly.

/// The input as characters, and the same characters folded: full-width digits, letters,
/// punctuation and spaces to their ASCII forms, the ideographic space to a space, and the
/// traditional characters of policy vocabulary to their simplified forms.
pub(crate) struct Folded {
    /// The input, one entry per Unicode scalar value.
    pub original: Vec<char>,
    /// The folded characters; `folded[i]` is the folding of `original[i]`.
    pub folded: Vec<char>,
}

impl Folded {
    /// Folds `text`.
    pub(crate) fn new(text: &str) -> Folded {
        let original: Vec<char> = text.chars().collect();
        let table: std::collections::HashMap<char, char> = TRADITIONAL.iter().copied().collect();
        let folded = original.iter().map(|&c| fold(c, &table)).collect();
        Folded { original, folded }
    }

    /// The input's characters `start..end`, verbatim.
    pub(crate) fn slice(&self, start: usize, end: usize) -> String {
        let end = end.min(self.original.len());
        self.original[start.min(end)..end].iter().collect()
    }

    /// The number of characters.
    pub(crate) fn len(&self) -> usize {
        self.folded.len()
    }

    /// True if the folded text at `i` starts with `word`.
    pub(crate) fn at(&self, i: usize, word: &str) -> bool {
        (i..).zip(word.chars()).all(|(j, c)| self.folded.get(j) == Some(&c))
    }

    /// True if the folded text ending just before `i` ends with `word`.
    pub(crate) fn ends_before(&self, i: usize, word: &str) -> bool {
        let n = word.chars().count();
        i >= n && self.at(i - n, word)
    }

    /// The folded character at `i`, or a NUL past the end.
    pub(crate) fn get(&self, i: usize) -> char {
        self.folded.get(i).copied().unwrap_or('\0')
    }

    /// The folded characters `start..end` as a string.
    pub(crate) fn folded_slice(&self, start: usize, end: usize) -> String {
        let end = end.min(self.folded.len());
        self.folded[start.min(end)..end].iter().collect()
    }
}

/// Folds one character, with `table` the traditional characters' simplified forms.
fn fold(c: char, table: &std::collections::HashMap<char, char>) -> char {
    match c {
        // Full-width ASCII (digits, letters, punctuation) to ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' => ' ',
        '\u{FF64}' => '、',
        '\u{2014}' | '\u{2013}' | '\u{2212}' | '\u{FE58}' => '-',
        '\u{FF5F}'..='\u{FF60}' => c,
        '〇' => '零',
        _ => table.get(&c).copied().unwrap_or(c),
    }
}

/// Simplified forms of traditional characters common in policy writing (numbers, units,
/// time words, administrative vocabulary). Characters outside the table are left alone; the
/// grammar only needs the words it reads to match.
const TRADITIONAL: &[(char, char)] = &[
    ('萬', '万'),
    ('億', '亿'),
    ('兩', '两'),
    ('貳', '贰'),
    ('參', '叁'),
    ('陸', '陆'),
    ('個', '个'),
    ('點', '点'),
    ('餘', '余'),
    ('內', '内'),
    ('達', '达'),
    ('實', '实'),
    ('現', '现'),
    ('時', '时'),
    ('辦', '办'),
    ('結', '结'),
    ('務', '务'),
    ('業', '业'),
    ('費', '费'),
    ('標', '标'),
    ('準', '准'),
    ('區', '区'),
    ('縣', '县'),
    ('鎮', '镇'),
    ('責', '责'),
    ('單', '单'),
    ('條', '条'),
    ('節', '节'),
    ('項', '项'),
    ('應', '应'),
    ('確', '确'),
    ('證', '证'),
    ('額', '额'),
    ('稅', '税'),
    ('導', '导'),
    ('級', '级'),
    ('經', '经'),
    ('濟', '济'),
    ('產', '产'),
    ('數', '数'),
    ('設', '设'),
    ('發', '发'),
    ('場', '场'),
    ('為', '为'),
    ('於', '于'),
    ('與', '与'),
    ('後', '后'),
    ('過', '过'),
    ('預', '预'),
    ('長', '长'),
    ('減', '减'),
    ('縮', '缩'),
    ('壓', '压'),
    ('歲', '岁'),
    ('養', '养'),
    ('醫', '医'),
    ('療', '疗'),
    ('學', '学'),
    ('園', '园'),
    ('處', '处'),
    ('戶', '户'),
    ('這', '这'),
    ('將', '将'),
    ('體', '体'),
    ('開', '开'),
    ('關', '关'),
    ('門', '门'),
    ('間', '间'),
    ('問', '问'),
    ('頭', '头'),
    ('總', '总'),
    ('規', '规'),
    ('劃', '划'),
    ('計', '计'),
    ('畫', '画'),
    ('範', '范'),
    ('圍', '围'),
    ('據', '据'),
    ('們', '们'),
    ('進', '进'),
    ('動', '动'),
    ('會', '会'),
    ('員', '员'),
    ('廳', '厅'),
    ('書', '书'),
    ('記', '记'),
    ('領', '领'),
    ('組', '组'),
    ('財', '财'),
    ('監', '监'),
    ('環', '环'),
    ('險', '险'),
    ('蓋', '盖'),
    ('營', '营'),
    ('資', '资'),
    ('訊', '讯'),
    ('網', '网'),
    ('線', '线'),
    ('電', '电'),
    ('腦', '脑'),
    ('車', '车'),
    ('擔', '担'),
    ('專', '专'),
    ('價', '价'),
    ('幣', '币'),
    ('錢', '钱'),
    ('貸', '贷'),
    ('銀', '银'),
    ('購', '购'),
    ('採', '采'),
    ('買', '买'),
    ('賣', '卖'),
    ('廠', '厂'),
    ('農', '农'),
    ('鄉', '乡'),
    ('築', '筑'),
    ('許', '许'),
    ('審', '审'),
    ('備', '备'),
    ('註', '注'),
    ('銷', '销'),
    ('錄', '录'),
    ('約', '约'),
    ('幾', '几'),
    ('來', '来'),
    ('從', '从'),
    ('調', '调'),
    ('爭', '争'),
    ('積', '积'),
    ('極', '极'),
    ('屆', '届'),
    ('團', '团'),
    ('聯', '联'),
    ('婦', '妇'),
    ('殘', '残'),
    ('國', '国'),
    ('牽', '牵'),
    ('負', '负'),
    ('協', '协'),
    ('職', '职'),
    ('執', '执'),
    ('離', '离'),
    ('質', '质'),
    ('檢', '检'),
    ('測', '测'),
    ('驗', '验'),
    ('認', '认'),
    ('顯', '显'),
    ('著', '着'),
    ('當', '当'),
    ('統', '统'),
    ('籌', '筹'),
    ('創', '创'),
    ('屬', '属'),
    ('補', '补'),
    ('貼', '贴'),
    ('獎', '奖'),
    ('勵', '励'),
    ('啟', '启'),
    ('覽', '览'),
    ('課', '课'),
    ('華', '华'),
    ('優', '优'),
    ('鬆', '松'),
    ('臺', '台'),
    ('兒', '儿'),
    ('畝', '亩'),
    ('頃', '顷'),
    ('噸', '吨'),
    ('韓', '韩'),
    ('傳', '传'),
    ('滿', '满'),
    ('續', '续'),
    ('選', '选'),
    ('舉', '举'),
    ('樓', '楼'),
    ('層', '层'),
    ('筆', '笔'),
    ('張', '张'),
    ('輛', '辆'),
    ('號', '号'),
    ('龍', '龙'),
    ('圖', '图'),
    ('館', '馆'),
    ('鐘', '钟'),
    ('鍾', '钟'),
    ('舊', '旧'),
    ('貨', '货'),
    ('運', '运'),
    ('輸', '输'),
    ('郵', '邮'),
    ('遞', '递'),
    ('權', '权'),
    ('勞', '劳'),
    ('訓', '训'),
    ('練', '练'),
    ('際', '际'),
];

/// True for characters that end a sentence or a clause of a sentence.
pub(crate) fn is_stop(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '\n' | '\r' | '；' | '！' | '？')
}

/// True for characters that end a segment: a sentence stop, a comma or a colon.
pub(crate) fn is_segment_break(c: char) -> bool {
    is_stop(c) || matches!(c, ',' | ':' | '，' | '：')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_offsets_and_reads_variants() {
        let f = Folded::new("到２０２５年　達到８５％以上");
        assert_eq!(f.original.len(), f.folded.len());
        assert_eq!(f.folded_slice(0, f.len()), "到2025年 达到85%以上");
        assert_eq!(f.slice(1, 5), "２０２５");
    }
}
