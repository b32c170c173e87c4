import type { SourceFile } from './types.js';

/** Urdu and Punjabi stock: romanised headings, original script kept in altScript (MARC 880). */
export const urduPunjabi: SourceFile = {
  base: 9601,
  media: 'book',
  language: 'urd',
  works: [
    { t: 'Udās nasleṉ', a: ['Ḥusain, ʻAbdullāh'], alt: ['اداس نسلیں', 'عبداللہ حسین'], y: 2011, p: 'Sang-e-Meel Publications', c: 'F', s: ['India -- History -- 20th century -- Fiction', 'Partition, Territorial -- India -- Fiction'], g: ['Historical fiction'], sum: 'A landowning family and a young villager live through the First World War, the independence struggle and the violence of Partition.' },
    { t: 'Āg kā daryā', a: ['Ḥaidar, Qurratulʻain'], alt: ['آگ کا دریا', 'قرۃالعین حیدر'], y: 2007, p: 'Educational Publishing House', c: 'F', s: ['India -- History -- Fiction', 'Reincarnation -- Fiction'], g: ['Historical fiction'], sum: 'The same few characters reappear across two and a half thousand years of Indian history, from the Mauryas to Partition.' },
    { t: 'Ṭoba Ṭek Singh aur dūsre afsāne', a: ['Manṭo, Saʻādat Ḥasan'], alt: ['ٹوبہ ٹیک سنگھ اور دوسرے افسانے', 'سعادت حسن منٹو'], y: 2012, p: 'Sang-e-Meel Publications', c: 'F', s: ['Partition, Territorial -- India -- Fiction', 'Short stories, Urdu'], g: ['Short stories'], sum: 'Manto\'s stories of Partition, including the asylum inmate who will not choose between India and Pakistan.' },
    { t: 'Naqsh-i faryādī', a: ['Faiz, Faiz Aḥmad'], alt: ['نقش فریادی', 'فیض احمد فیض'], y: 2009, p: 'Maktaba-e-Karvan', c: '891.4391', s: ['Urdu poetry'], g: ['Poetry'], sum: 'Faiz\'s first collection of poems, where love lyrics turn towards politics and social justice.' },
    { t: 'Dīvān-i Ghālib', a: ['Ghālib, Mirzā Asadullāh Khān'], alt: ['دیوان غالب', 'مرزا اسد اللہ خان غالب'], y: 2010, p: 'Anjuman Taraqqi-e-Urdu', c: '891.4391', s: ['Ghazals, Urdu', 'Urdu poetry'], g: ['Poetry'], sum: 'The collected Urdu ghazals of the great nineteenth-century Delhi poet.' },
    { t: 'Pinjar', a: ['Pritam, Amrita'], l: ['pan'], alt: ['ਪਿੰਜਰ', 'ਅੰਮ੍ਰਿਤਾ ਪ੍ਰੀਤਮ'], y: 2009, p: 'Navyug Publishers', c: 'F', s: ['Abduction -- Fiction', 'Partition, Territorial -- India -- Fiction', 'Punjab (India) -- Fiction'], g: ['Historical fiction'], sum: 'Puro, a Hindu girl abducted by a Muslim man in the years before Partition, rebuilds a life between two communities.' },
    { t: 'Lūṇā', a: ['Baṭālavī, Shiv Kumār'], l: ['pan'], alt: ['ਲੂਣਾ', 'ਸ਼ਿਵ ਕੁਮਾਰ ਬਟਾਲਵੀ'], y: 2013, p: 'Lahore Book Shop', c: '891.421', s: ['Punjabi poetry', 'Puran Bhagat (Legendary character) -- Poetry'], g: ['Epic poetry'], sum: 'A verse drama retelling the Punjabi legend of Puran Bhagat from the point of view of his young stepmother Luna.' },
    { t: 'Hīr Vāris Shāh', a: ['Vāris Shāh'], l: ['pan'], alt: ['ਹੀਰ ਵਾਰਿਸ ਸ਼ਾਹ', 'ਵਾਰਿਸ ਸ਼ਾਹ'], y: 2005, p: 'Singh Brothers', c: '891.421', s: ['Hir (Legendary character) -- Poetry', 'Ranjha (Legendary character) -- Poetry', 'Punjabi poetry'], g: ['Epic poetry'], sum: 'The eighteenth-century verse romance of Heer and Ranjha, the tragic lovers of the Punjab.' },
  ],
};

/** Chinese stock in simplified characters: pinyin headings, characters kept in altScript. */
export const chinese: SourceFile = {
  base: 9701,
  media: 'book',
  language: 'chi',
  works: [
    { t: 'Huo zhe', a: ['Yu, Hua'], alt: ['活着', '余华'], y: 2012, p: 'Zuo jia chu ban she', c: 'F', s: ['Families -- China -- Fiction', 'China -- History -- 20th century -- Fiction'], g: ['Historical fiction'], sum: 'An old farmer tells how he gambled away his family\'s fortune and then lost, one by one, everyone he loved through China\'s upheavals.' },
    { t: 'Wei cheng', a: ['Qian, Zhongshu'], alt: ['围城', '钱锺书'], y: 1991, p: 'Ren min wen xue chu ban she', c: 'F', s: ['Intellectuals -- China -- Fiction', 'Marriage -- Fiction'], g: ['Satirical literature'], sum: 'A young man back from Europe with a fake doctorate drifts through teaching jobs and a bad marriage in 1930s China.' },
    { t: 'San ti', a: ['Liu, Cixin'], alt: ['三体', '刘慈欣'], y: 2008, p: 'Chongqing chu ban she', c: 'F', ser: ['San ti ; 1'], s: ['Human-alien encounters -- Fiction', 'Physicists -- China -- Fiction', 'China -- History -- Cultural Revolution, 1966-1976 -- Fiction'], g: ['Science fiction'], sum: 'A signal sent into space during the Cultural Revolution is answered by a civilisation in a three-sun system.' },
    { t: 'Bian cheng', a: ['Shen, Congwen'], alt: ['边城', '沈从文'], y: 2002, p: 'Ren min wen xue chu ban she', c: 'F', s: ['Ferries -- Fiction', 'Hunan Sheng (China) -- Fiction'], g: ['Pastoral fiction'], sum: 'In a river town in western Hunan, a ferryman\'s granddaughter is courted by two brothers.' },
    { t: 'Hong lou meng', a: ['Cao, Xueqin'], alt: ['红楼梦', '曹雪芹'], y: 2008, p: 'Ren min wen xue chu ban she', c: 'F', ext: '2 volumes', s: ['Aristocracy (Social class) -- China -- Fiction', 'China -- History -- Qing dynasty, 1644-1912 -- Fiction'], g: ['Classic fiction', 'Family sagas'], sum: 'The rise and fall of the aristocratic Jia family, and the doomed love of Jia Baoyu and his cousin Lin Daiyu.' },
    { t: 'Na han', a: ['Lu, Xun'], alt: ['呐喊', '鲁迅'], y: 2006, p: 'Ren min wen xue chu ban she', c: 'F', s: ['Short stories, Chinese', 'China -- Social conditions -- Fiction'], g: ['Short stories'], sum: 'Lu Xun\'s first collection, including "A Madman\'s Diary" and "The True Story of Ah Q".' },
    { t: 'Luotuo Xiangzi', a: ['Lao, She'], alt: ['骆驼祥子', '老舍'], y: 2000, p: 'Ren min wen xue chu ban she', c: 'F', s: ['Rickshaw men -- China -- Beijing -- Fiction', 'Beijing (China) -- Fiction'], g: ['Classic fiction'], sum: 'A young rickshaw puller in 1920s Beijing works to buy his own rickshaw and is defeated again and again.' },
    { t: 'Jia', a: ['Ba, Jin'], alt: ['家', '巴金'], y: 2004, p: 'Ren min wen xue chu ban she', c: 'F', ser: ['Ji liu san bu qu ; 1'], s: ['Families -- China -- Fiction', 'Young men -- China -- Fiction'], g: ['Family sagas'], sum: 'Three brothers in a great household in Chengdu rebel in different ways against their tyrannical grandfather.' },
    { t: 'Ping fan de shi jie', a: ['Lu, Yao'], alt: ['平凡的世界', '路遥'], y: 2012, p: 'Bei jing shi yue wen yi chu ban she', c: 'F', ext: '3 volumes', s: ['Rural families -- China -- Fiction', 'China -- Social conditions -- 1976-2000 -- Fiction'], g: ['Domestic fiction'], sum: 'Two brothers from a poor village in northern Shaanxi make their way through the reforms of the 1970s and 80s.' },
  ],
};
