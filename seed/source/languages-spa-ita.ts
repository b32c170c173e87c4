import type { SourceFile } from './types.js';

/** Spanish-language stock, from Cervantes to Zafón. */
export const spanish: SourceFile = {
  base: 9201,
  media: 'book',
  language: 'spa',
  works: [
    { t: 'Cien años de soledad', a: ['García Márquez, Gabriel'], y: 2007, p: 'Real Academia Española', c: 'F', ed: 'Edición conmemorativa', s: ['Buendía family (Fictitious characters) -- Fiction', 'Families -- Colombia -- Fiction', 'Macondo (Imaginary place) -- Fiction'], g: ['Magic realist fiction', 'Family sagas'], sum: 'Seven generations of the Buendía family live, love and repeat their mistakes in the swamp town of Macondo.', x: [{ y: 1967, p: 'Editorial Sudamericana', ed: 'Primera edición', ext: '351 pages' }] },
    { t: 'El amor en los tiempos del cólera', a: ['García Márquez, Gabriel'], y: 2003, p: 'Debolsillo', c: 'F', s: ['Older people -- Fiction', 'Love -- Fiction', 'Caribbean Area -- Fiction'], g: ['Romance fiction'], sum: 'Florentino Ariza waits more than fifty years for Fermina Daza, the woman who rejected him in youth, to be widowed.' },
    { t: 'El ingenioso hidalgo don Quijote de la Mancha', a: ['Cervantes Saavedra, Miguel de'], y: 2004, p: 'Alfaguara', c: 'F', ed: 'Edición del IV centenario', ext: 'xcii, 1249 pages', s: ['Don Quixote (Fictitious character) -- Fiction', 'Knights and knighthood -- Spain -- Fiction', 'La Mancha (Spain) -- Fiction'], g: ['Picaresque literature', 'Classic fiction'], sum: 'An elderly gentleman crazed by romances of chivalry sets out as a knight errant with his squire Sancho Panza, tilting at windmills.' },
    { t: 'La casa de los espíritus', a: ['Allende, Isabel'], y: 2001, p: 'Plaza & Janés', c: 'F', s: ['Trueba family (Fictitious characters) -- Fiction', 'Women -- Chile -- Fiction', 'Chile -- Politics and government -- Fiction'], g: ['Magic realist fiction', 'Family sagas'], sum: 'Three generations of the Trueba women, from clairvoyant Clara to her granddaughter Alba, live through Chile\'s upheavals.' },
    { t: 'La sombra del viento', a: ['Ruiz Zafón, Carlos'], y: 2003, p: 'Planeta', c: 'F', ser: ['El cementerio de los libros olvidados ; 1'], s: ['Books and reading -- Fiction', 'Booksellers and bookselling -- Spain -- Fiction', 'Barcelona (Spain) -- Fiction'], g: ['Gothic fiction', 'Detective and mystery stories'], sum: 'In post-war Barcelona a bookseller\'s son chooses a forgotten novel and finds that someone is burning every copy of its author\'s books.' },
    { t: 'Ficciones', a: ['Borges, Jorge Luis'], y: 1997, p: 'Alianza Editorial', c: 'F', s: ['Short stories, Argentine', 'Labyrinths -- Fiction'], g: ['Short stories', 'Fantasy fiction'], sum: 'Short fictions of infinite libraries, imaginary encyclopaedias and labyrinths of time by the Argentine master.' },
    { t: 'Romancero gitano', a: ['García Lorca, Federico'], y: 1998, p: 'Cátedra', c: '861.62', ps: ['Letras hispánicas ; 131'], s: ['Romani people -- Spain -- Andalusia -- Poetry', 'Andalusia (Spain) -- Poetry'], g: ['Poetry'], sum: 'Lorca\'s ballads of Andalusian Gypsy life, full of moon, knives and Civil Guards.' },
    { t: 'Veinte poemas de amor y una canción desesperada', a: ['Neruda, Pablo'], y: 2003, p: 'Seix Barral', c: '861.62', s: ['Love poetry, Chilean'], g: ['Poetry'], sum: 'The young Neruda\'s famous sequence of twenty love poems and a final song of despair.' },
    { t: 'La ciudad y los perros', a: ['Vargas Llosa, Mario'], y: 2012, p: 'Alfaguara', c: 'F', s: ['Military cadets -- Peru -- Lima -- Fiction', 'Military education -- Peru -- Fiction'], g: ['Bildungsromans'], sum: 'At a military academy in Lima, the theft of an exam paper leads to a cadet\'s death and a code of silence.' },
    { t: 'Los años con Laura Díaz', a: ['Fuentes, Carlos'], y: 1999, p: 'Alfaguara', c: 'F', s: ['Women -- Mexico -- Fiction', 'Mexico -- History -- 20th century -- Fiction'], g: ['Historical fiction'], sum: 'The life of Laura Díaz from her childhood in Veracruz through Mexico\'s twentieth-century upheavals.' },
  ],
};

/** Italian-language stock. */
export const italian: SourceFile = {
  base: 9301,
  media: 'book',
  language: 'ita',
  works: [
    { t: 'Il nome della rosa', a: ['Eco, Umberto'], y: 1980, p: 'Bompiani', c: 'F', s: ['Monasteries -- Italy -- Fiction', 'Franciscans -- Fiction', 'Italy -- History -- 476-1268 -- Fiction'], g: ['Historical fiction', 'Detective and mystery stories'], sum: 'In 1327 the Franciscan William of Baskerville investigates a series of deaths in a northern Italian abbey with a labyrinthine library.' },
    { t: 'L\'amica geniale', a: ['Ferrante, Elena'], y: 2011, p: 'Edizioni E/O', c: 'F', ser: ['L\'amica geniale ; 1'], s: ['Female friendship -- Fiction', 'Naples (Italy) -- Fiction', 'Poor families -- Italy -- Fiction'], g: ['Bildungsromans'], sum: 'Elena and Lila grow up in a poor, violent Naples neighbourhood in the 1950s, bound by rivalry and a fierce friendship.' },
    { t: 'Storia del nuovo cognome', a: ['Ferrante, Elena'], y: 2012, p: 'Edizioni E/O', c: 'F', ser: ['L\'amica geniale ; 2'], s: ['Female friendship -- Fiction', 'Naples (Italy) -- Fiction'], g: ['Bildungsromans'], sum: 'Lila marries young into money, while Elena continues her studies in Pisa, and the friends\' paths diverge and cross.' },
    { t: 'Se una notte d\'inverno un viaggiatore', a: ['Calvino, Italo'], y: 1994, p: 'Mondadori', c: 'F', ps: ['Oscar Mondadori'], s: ['Books and reading -- Fiction', 'Readers -- Fiction'], g: ['Experimental fiction'], sum: 'You, the reader, try to read a new Calvino novel, but each book you open breaks off after the first chapter and turns into another.' },
    { t: 'Le città invisibili', a: ['Calvino, Italo'], y: 1993, p: 'Mondadori', c: 'F', s: ['Polo, Marco, 1254-1323? -- Fiction', 'Kublai Khan, 1216-1294 -- Fiction', 'Imaginary cities -- Fiction'], g: ['Fantasy fiction'], sum: 'Marco Polo describes to Kublai Khan fifty-five impossible cities, each a meditation on memory, desire and signs.' },
    { t: 'Il Gattopardo', a: ['Tomasi di Lampedusa, Giuseppe'], y: 2002, p: 'Feltrinelli', c: 'F', s: ['Aristocracy (Social class) -- Italy -- Sicily -- Fiction', 'Italy -- History -- 1849-1870 -- Fiction', 'Sicily (Italy) -- Fiction'], g: ['Historical fiction'], sum: 'As Garibaldi lands in Sicily, the Prince of Salina watches his class give way and lets his nephew marry new money.' },
    { t: 'Se questo è un uomo', a: ['Levi, Primo'], y: 2005, p: 'Einaudi', c: '940.5318', s: ['Levi, Primo', 'Auschwitz (Concentration camp)', 'Holocaust, Jewish (1939-1945) -- Personal narratives'], g: ['Personal narratives'], sum: 'Primo Levi\'s sober account of his year as a prisoner in Auschwitz, and of what the camp did to the people in it.' },
    { t: 'La forma dell\'acqua', a: ['Camilleri, Andrea'], y: 1994, p: 'Sellerio', c: 'F', ser: ['Il commissario Montalbano ; 1'], s: ['Montalbano, Salvo (Fictitious character) -- Fiction', 'Police -- Italy -- Sicily -- Fiction', 'Sicily (Italy) -- Fiction'], g: ['Detective and mystery stories'], sum: 'An engineer and local politician is found dead in a car in a notorious lovers\' lane, and Inspector Montalbano doubts the easy answer.' },
    { t: 'Le avventure di Pinocchio', st: 'storia di un burattino', a: ['Collodi, Carlo'], y: 2002, p: 'Giunti', c: 'JF', s: ['Puppets -- Juvenile fiction', 'Honesty -- Juvenile fiction', 'Fathers and sons -- Juvenile fiction'], g: ['Fantasy fiction', 'Classic fiction'], sum: 'A wooden puppet carved by the poor Geppetto runs away, lies, gets into trouble, and slowly learns to be a real boy.' },
  ],
};
