import type { SourceFile } from './types.js';

/** Welsh-language stock, shelved "CYMRAEG". */
export const welsh: SourceFile = {
  base: 9401,
  media: 'book',
  language: 'wel',
  works: [
    { t: 'Te yn y grug', a: ['Roberts, Kate'], y: 1959, p: 'Gwasg Gee', c: 'F', s: ['Children -- Wales -- Fiction', 'Country life -- Wales -- Fiction', 'Short stories, Welsh'], g: ['Short stories'], sum: 'Linked stories of childhood in a slate-quarrying village in Arfon, seen through the eyes of young Begw.', x: [{ y: 2004, p: 'Gwasg Gee', ed: 'Argraffiad newydd' }] },
    { t: 'Traed mewn cyffion', a: ['Roberts, Kate'], y: 2002, p: 'Gwasg Gomer', c: 'F', s: ['Quarrymen -- Wales -- Fiction', 'Families -- Wales -- Fiction', 'Gwynedd (Wales) -- Fiction'], g: ['Family sagas'], sum: 'Jane Gruffydd raises her family in a quarrying community from the 1880s to the First World War, against poverty and loss.' },
    { t: 'Un nos ola leuad', a: ['Prichard, Caradog'], y: 1961, p: 'Gwasg Gee', c: 'F', s: ['Boys -- Wales -- Fiction', 'Mental illness -- Fiction', 'Bethesda (Wales) -- Fiction'], g: ['Psychological fiction'], sum: 'On one moonlit night a man walks through his home village in Gwynedd and remembers a childhood darkened by his mother\'s madness.', x: [{ y: 2008, p: 'Y Lolfa', ed: 'Argraffiad newydd' }] },
    { t: 'Cysgod y cryman', a: ['Elis, Islwyn Ffowc'], y: 1990, p: 'Gwasg Gomer', c: 'F', s: ['Farmers -- Wales -- Fiction', 'Fathers and sons -- Fiction', 'Communism -- Fiction'], g: ['Domestic fiction'], sum: 'The heir to a prosperous farm in the Vale of Meifod comes home from university a communist, to his father\'s dismay.' },
    { t: 'Llyfr glas Nebo', a: ['Ros, Manon Steffan'], y: 2018, p: 'Y Lolfa', c: 'F', s: ['Mothers and sons -- Fiction', 'Nuclear warfare -- Fiction', 'Survival -- Fiction'], g: ['Dystopian fiction'], sum: 'After a nuclear disaster, a mother and her son survive in a Gwynedd village and write their story in a blue notebook.' },
    { t: 'Rhys Lewis', st: 'gweinidog Bethel', a: ['Owen, Daniel'], y: 1885, p: 'Hughes a\'i Fab', c: 'F', ext: '470 pages', n: ['Local Studies collection.'], s: ['Clergy -- Wales -- Fiction', 'Mold (Wales) -- Fiction'], g: ['Classic fiction'], sum: 'A Nonconformist minister writes his autobiography, looking back on chapel life and poverty in a north-east Wales town.' },
    { t: 'Barti Ddu', a: ['Jones, T. Llew'], y: 2007, p: 'Gwasg Gomer', c: 'JF', s: ['Roberts, Bartholomew, 1682-1722 -- Juvenile fiction', 'Pirates -- Juvenile fiction', 'Wales -- Juvenile fiction'], g: ['Adventure stories'], sum: 'The adventures of Bartholomew Roberts of Pembrokeshire, the most successful Welsh pirate, told for young readers.' },
    { t: 'Siwan', a: ['Lewis, Saunders'], y: 1987, p: 'Gwasg Gee', c: '891.662', s: ['Joan, Lady of Wales, -1237 -- Drama', 'Llywelyn ap Iorwerth, Prince of Gwynedd, -1240 -- Drama'], g: ['Historical drama'], sum: 'A verse play about Siwan, wife of Llywelyn the Great, whose affair with a Norman lord ends in his hanging.' },
  ],
};

/** Polish-language stock, much borrowed at Northgate and Eastfield. */
export const polish: SourceFile = {
  base: 9501,
  media: 'book',
  language: 'pol',
  works: [
    { t: 'Quo vadis', st: 'powieść z czasów Nerona', a: ['Sienkiewicz, Henryk'], y: 2007, p: 'Wydawnictwo Zielona Sowa', c: 'F', s: ['Nero, Emperor of Rome, 37-68 -- Fiction', 'Christians -- Rome -- Fiction', 'Rome -- History -- Nero, 54-68 -- Fiction'], g: ['Historical fiction'], sum: 'A Roman patrician falls in love with a Christian hostage as Nero\'s Rome burns and the persecutions begin.' },
    { t: 'Ogniem i mieczem', a: ['Sienkiewicz, Henryk'], y: 2010, p: 'Wydawnictwo Greg', c: 'F', ser: ['Trylogia ; 1'], s: ['Khmelnytsky Uprising, 1648-1657 -- Fiction', 'Poland -- History -- John II Casimir, 1648-1668 -- Fiction'], g: ['Historical fiction', 'Adventure fiction'], sum: 'During the Cossack rising of 1648 a Polish knight searches Ukraine for the woman he loves, carried off by a rival.' },
    { t: 'Potop', a: ['Sienkiewicz, Henryk'], y: 2010, p: 'Wydawnictwo Greg', c: 'F', ser: ['Trylogia ; 2'], ext: '2 volumes', s: ['Poland -- History -- Swedish Invasion, 1655-1660 -- Fiction', 'Knights and knighthood -- Poland -- Fiction'], g: ['Historical fiction', 'Adventure fiction'], sum: 'The reckless Andrzej Kmicic redeems himself in the fight against the Swedish invasion of Poland.' },
    { t: 'Bieguni', a: ['Tokarczuk, Olga'], y: 2007, p: 'Wydawnictwo Literackie', c: 'F', s: ['Travelers -- Fiction', 'Human body -- Fiction'], g: ['Experimental fiction'], sum: 'Fragments of travel, anatomy and stories of restless people, pieced together into a novel about movement.' },
    { t: 'Prowadź swój pług przez kości umarłych', a: ['Tokarczuk, Olga'], y: 2009, p: 'Wydawnictwo Literackie', c: 'F', s: ['Older women -- Poland -- Fiction', 'Hunters -- Crimes against -- Fiction', 'Kłodzko Valley (Poland) -- Fiction'], g: ['Detective and mystery stories'], sum: 'An eccentric retired engineer in the Polish mountains is sure the animals are taking revenge when local hunters start dying.' },
    { t: 'Księgi Jakubowe', a: ['Tokarczuk, Olga'], y: 2014, p: 'Wydawnictwo Literackie', c: 'F', ext: '912 pages', s: ['Frank, Jacob, 1726-1791 -- Fiction', 'Frankists -- Fiction', 'Poland -- History -- 18th century -- Fiction'], g: ['Historical fiction'], sum: 'The life of Jacob Frank, the eighteenth-century messiah who led his Jewish followers across Europe and into the Catholic Church.' },
    { t: 'Solaris', a: ['Lem, Stanisław'], y: 2002, p: 'Wydawnictwo Literackie', c: 'F', s: ['Life on other planets -- Fiction', 'Psychologists -- Fiction', 'Space stations -- Fiction'], g: ['Science fiction'], sum: 'On a station above an ocean planet, a psychologist is visited by a perfect copy of his dead wife.' },
    { t: 'Cyberiada', a: ['Lem, Stanisław'], y: 2012, p: 'Agora', c: 'F', s: ['Robots -- Fiction', 'Inventors -- Fiction'], g: ['Science fiction', 'Humorous fiction'], sum: 'Comic fables about two robot constructors who build machines for kings across the galaxy, with unexpected results.' },
    { t: 'Ziemia obiecana', a: ['Reymont, Władysław Stanisław'], y: 2004, p: 'Wydawnictwo Zielona Sowa', c: 'F', s: ['Textile industry -- Poland -- Łódź -- Fiction', 'Capitalists and financiers -- Fiction', 'Łódź (Poland) -- Fiction'], g: ['Classic fiction'], sum: 'A Pole, a German and a Jew set up a textile mill together in booming, ruthless nineteenth-century Łódź.' },
    { t: 'Ostatnie życzenie', a: ['Sapkowski, Andrzej'], y: 2014, p: 'SuperNOWA', c: 'F', ser: ['Wiedźmin ; 1'], s: ['Geralt of Rivia (Fictitious character) -- Fiction', 'Monsters -- Fiction', 'Witchers -- Fiction'], g: ['Fantasy fiction', 'Short stories'], sum: 'Stories of Geralt of Rivia, a witcher who kills monsters for pay and finds people are often worse.' },
  ],
};
