import type { SourceFile } from './types.js';

const crime = ['Detective and mystery stories'];
const lp = { m: 'large-print', c: 'F' } as const;
const ebook = { m: 'ebook' } as const;

/** Crime and detective fiction, from the golden age to the Thursday Murder Club. */
export const fictionCrime: SourceFile = {
  base: 2001,
  media: 'book',
  language: 'eng',
  works: [
    {
      t: 'The Murder of Roger Ackroyd', a: ['Christie, Agatha'], y: 2002, p: 'HarperCollins', c: 'F', ser: ['Hercule Poirot ; 4'],
      s: ['Poirot, Hercule (Fictitious character) -- Fiction', 'Private investigators -- Belgium -- Fiction', 'Villages -- England -- Fiction'],
      g: crime, sum: 'In the village of King\'s Abbot a wealthy widower is stabbed in his study, and the retired Poirot, growing marrows next door, is drawn back to work.',
      x: [{ ...lp, y: 2005, p: 'Ulverscroft' }, { m: 'audiobook', y: 2003, p: 'HarperCollins Audio', ed: 'Unabridged', ext: '6 audio discs (7 hr.)', n: ['Read by Hugh Fraser.'] }],
    },
    {
      t: 'Murder on the Orient Express', a: ['Christie, Agatha'], y: 2017, p: 'HarperCollins', c: 'F', ser: ['Hercule Poirot ; 10'], h: 4,
      s: ['Poirot, Hercule (Fictitious character) -- Fiction', 'Railroad travel -- Fiction', 'Orient Express (Express train) -- Fiction'],
      g: crime, sum: 'Snowbound in the Balkans, the Orient Express carries a murdered American and a dozen passengers, every one of whom has an alibi.',
      x: [{ m: 'ebook', y: 2010, p: 'HarperCollins' }, { m: 'audiobook', online: true, y: 2017, p: 'HarperCollins', ed: 'Unabridged', n: ['Read by Kenneth Branagh.'] }],
    },
    {
      t: 'Death on the Nile', a: ['Christie, Agatha'], y: 1985, p: 'Fontana', c: 'F', ser: ['Hercule Poirot ; 17'],
      s: ['Poirot, Hercule (Fictitious character) -- Fiction', 'Nile River -- Fiction', 'Egypt -- Fiction', 'Heiresses -- Fiction'],
      g: crime, sum: 'A rich young bride is shot aboard a Nile steamer on her honeymoon, and Poirot, a fellow passenger, sifts jealousy from greed.',
    },
    {
      t: 'The Murder at the Vicarage', a: ['Christie, Agatha'], y: 1976, p: 'Fontana', c: 'F', ser: ['Miss Marple ; 1'],
      s: ['Marple, Jane (Fictitious character) -- Fiction', 'Women detectives -- England -- Fiction', 'Clergy -- Fiction', 'Villages -- England -- Fiction'],
      g: crime, sum: 'The most disliked man in St Mary Mead is found shot in the vicar\'s study, and Miss Marple notices what the police do not.',
      x: [{ ...lp, y: 2008, p: 'Ulverscroft' }],
    },
    {
      t: 'A Murder Is Announced', a: ['Christie, Agatha'], y: 1982, p: 'Fontana', c: 'F', ser: ['Miss Marple ; 4'],
      s: ['Marple, Jane (Fictitious character) -- Fiction', 'Women detectives -- England -- Fiction', 'Villages -- England -- Fiction'],
      g: crime, sum: 'A notice in the local paper announces a murder for Friday evening, and the curious neighbours who turn up for the fun get the real thing.',
    },
    {
      t: 'And Then There Were None', a: ['Christie, Agatha'], y: 2015, p: 'HarperCollins', c: 'F',
      s: ['Islands -- England -- Devon -- Fiction', 'Serial murders -- Fiction', 'Guilt -- Fiction'],
      g: crime, sum: 'Ten strangers with guilty pasts are lured to an island off the Devon coast and die one by one, in the manner of a nursery rhyme.',
    },
    {
      t: 'Knots and Crosses', a: ['Rankin, Ian'], y: 2008, p: 'Orion', c: 'F', ser: ['Inspector Rebus ; 1'],
      s: ['Rebus, John (Fictitious character) -- Fiction', 'Police -- Scotland -- Edinburgh -- Fiction', 'Edinburgh (Scotland) -- Fiction'],
      g: crime, sum: 'Detective Sergeant John Rebus hunts an Edinburgh child killer who sends him anonymous notes with knotted string and matchstick crosses.',
    },
    {
      t: 'Black and Blue', a: ['Rankin, Ian'], y: 2008, p: 'Orion', c: 'F', ser: ['Inspector Rebus ; 8'],
      s: ['Rebus, John (Fictitious character) -- Fiction', 'Police -- Scotland -- Fiction', 'Serial murderers -- Fiction', 'Oil industry -- Scotland -- Fiction'],
      g: crime, sum: 'A copycat of the old Bible John murders takes Rebus from Edinburgh to Aberdeen and the North Sea oil rigs while an inquiry picks at his own past.',
      x: [{ ...lp, y: 2001, p: 'Chivers Large Print' }],
    },
    {
      t: 'A Song for the Dark Times', a: ['Rankin, Ian'], y: 2020, p: 'Orion', c: 'F', ser: ['Inspector Rebus ; 23'], h: 4,
      s: ['Rebus, John (Fictitious character) -- Fiction', 'Retired police officers -- Fiction', 'Fathers and daughters -- Fiction', 'Scotland -- Fiction'],
      g: crime, sum: 'Retired and short of breath, Rebus drives north when his daughter\'s partner disappears and she becomes the obvious suspect.',
      x: [{ ...ebook, y: 2020, p: 'Orion' }, { m: 'audiobook', online: true, y: 2020, p: 'Orion', ed: 'Unabridged', n: ['Read by James Macpherson.'] }],
    },
    {
      t: 'The Mermaids Singing', a: ['McDermid, Val'], y: 2010, p: 'HarperCollins', c: 'F', ser: ['Tony Hill and Carol Jordan ; 1'],
      s: ['Hill, Tony (Fictitious character) -- Fiction', 'Criminal profilers -- Fiction', 'Serial murderers -- Fiction'],
      g: crime, sum: 'Psychologist Tony Hill and DI Carol Jordan pursue a killer who tortures men to death in a northern city.',
    },
    {
      t: '1979', a: ['McDermid, Val'], y: 2021, p: 'Little, Brown', c: 'F', ser: ['Allie Burns ; 1'],
      s: ['Women journalists -- Scotland -- Fiction', 'Glasgow (Scotland) -- Fiction', 'Nineteen seventies -- Fiction'],
      g: crime, sum: 'A young reporter in Glasgow in the winter of discontent chases a tax-fraud story and a terror cell, and finds the newsroom as dangerous as the streets.',
      x: [{ ...lp, y: 2021, p: 'Little, Brown' }],
    },
    {
      t: 'Raven Black', a: ['Cleeves, Ann'], y: 2007, p: 'Pan Books', c: 'F', ser: ['Shetland ; 1'],
      s: ['Perez, Jimmy (Fictitious character) -- Fiction', 'Police -- Scotland -- Shetland -- Fiction', 'Shetland (Scotland) -- Fiction'],
      g: crime, sum: 'On New Year\'s morning a schoolgirl is found strangled in the snow on Shetland, and the islanders turn on a lonely old man they have always suspected.',
      x: [{ ...ebook, y: 2010, p: 'Pan Books' }],
    },
    {
      t: 'The Long Call', a: ['Cleeves, Ann'], y: 2019, p: 'Macmillan', c: 'F', ser: ['Two Rivers ; 1'],
      s: ['Venn, Matthew (Fictitious character) -- Fiction', 'Police -- England -- Devon -- Fiction', 'North Devon (England) -- Fiction'],
      g: crime, sum: 'DI Matthew Venn, estranged from his strict evangelical family, investigates a body on a north Devon beach close to the home he left.',
    },
    {
      t: 'The Crow Trap', a: ['Cleeves, Ann'], y: 2011, p: 'Pan Books', c: 'F', ser: ['Vera Stanhope ; 1'],
      s: ['Stanhope, Vera (Fictitious character) -- Fiction', 'Women detectives -- England -- Fiction', 'Northumberland (England) -- Fiction'],
      g: crime, sum: 'Three women surveying a remote Northumberland moor find a colleague hanged, and DI Vera Stanhope does not believe it was suicide.',
      x: [{ ...lp, y: 2012, p: 'Ulverscroft' }],
    },
    {
      t: 'The Thursday Murder Club', a: ['Osman, Richard'], y: 2020, p: 'Viking', c: 'F', ser: ['Thursday Murder Club ; 1'], h: 5,
      s: ['Retirement communities -- England -- Fiction', 'Older people -- Fiction', 'Cold cases (Criminal investigation) -- Fiction', 'Kent (England) -- Fiction'],
      g: [...crime, 'Humorous fiction'],
      sum: 'Four residents of a Kent retirement village meet weekly to study unsolved murders, until a local builder is killed and they have a live case.',
      x: [{ ...lp, y: 2021, p: 'Thorndike Press' }, { ...ebook, y: 2020, p: 'Penguin' }, { m: 'audiobook', online: true, y: 2020, p: 'Penguin Audio', ed: 'Unabridged', n: ['Read by Lesley Manville.'] }],
    },
    {
      t: 'The Man Who Died Twice', a: ['Osman, Richard'], y: 2021, p: 'Viking', c: 'F', ser: ['Thursday Murder Club ; 2'], h: 4,
      s: ['Retirement communities -- England -- Fiction', 'Older people -- Fiction', 'Diamonds -- Fiction'],
      g: [...crime, 'Humorous fiction'],
      sum: 'Elizabeth\'s ex-husband turns up at Coopers Chase accused of stealing diamonds from the mafia, and the club is soon counting bodies.',
      x: [{ ...lp, y: 2022, p: 'Thorndike Press' }],
    },
    {
      t: 'The Bullet That Missed', a: ['Osman, Richard'], y: 2022, p: 'Viking', c: 'F', ser: ['Thursday Murder Club ; 3'],
      s: ['Retirement communities -- England -- Fiction', 'Women journalists -- Fiction', 'Cold cases (Criminal investigation) -- Fiction'],
      g: [...crime, 'Humorous fiction'],
      sum: 'The club reopens the case of a local television reporter who vanished ten years ago while chasing a VAT fraud story.',
    },
    {
      t: 'The Last Devil to Die', a: ['Osman, Richard'], y: 2023, p: 'Viking', c: 'F', ser: ['Thursday Murder Club ; 4'],
      s: ['Retirement communities -- England -- Fiction', 'Antique dealers -- Fiction', 'Drug traffic -- Fiction'],
      g: [...crime, 'Humorous fiction'],
      sum: 'At Christmas an antiques dealer who was a friend to the club is shot, and a missing parcel of heroin puts dangerous people in Fairhaven.',
    },
    {
      t: 'Gaudy Night', a: ['Sayers, Dorothy L.'], y: 1972, p: 'New English Library', c: 'F', ser: ['Lord Peter Wimsey ; 10'],
      s: ['Wimsey, Peter, Lord (Fictitious character) -- Fiction', 'Vane, Harriet (Fictitious character) -- Fiction', 'Women\'s colleges -- Fiction', 'Oxford (England) -- Fiction'],
      g: crime, sum: 'Harriet Vane returns to her Oxford college for a reunion and is asked to find the writer of poison-pen letters that are terrifying the dons.',
    },
    {
      t: 'Last Bus to Woodstock', a: ['Dexter, Colin'], y: 1977, p: 'Pan Books', c: 'F', ser: ['Inspector Morse ; 1'],
      s: ['Morse, Inspector (Fictitious character) -- Fiction', 'Police -- England -- Oxford -- Fiction', 'Oxford (England) -- Fiction'],
      g: crime, sum: 'Two girls wait for a bus to Woodstock; one is found dead in a pub car park, and Morse begins with a crossword-setter\'s suspicion of everything.',
    },
    {
      t: 'Cover Her Face', a: ['James, P. D.'], y: 1985, p: 'Penguin', c: 'F', ser: ['Adam Dalgliesh ; 1'],
      s: ['Dalgliesh, Adam (Fictitious character) -- Fiction', 'Police -- England -- Fiction', 'Country homes -- England -- Fiction'],
      g: crime, sum: 'An unmarried mother working as a maid is found strangled in a manor house the morning after a church fête, and Dalgliesh finds motives everywhere.',
    },
    {
      t: 'From Doon with Death', a: ['Rendell, Ruth'], y: 1966, p: 'Arrow', c: 'F', ser: ['Inspector Wexford ; 1'],
      s: ['Wexford, Inspector (Fictitious character) -- Fiction', 'Police -- England -- Fiction', 'Housewives -- Fiction'],
      g: crime, sum: 'A quiet housewife is found dead in a wood, and inscribed books in her house reveal a secret admirer signed only "Doon".',
    },
    {
      t: 'The Crossing Places', a: ['Griffiths, Elly'], y: 2009, p: 'Quercus', c: 'F', ser: ['Ruth Galloway ; 1'],
      s: ['Galloway, Ruth (Fictitious character) -- Fiction', 'Forensic archaeologists -- Fiction', 'Salt marshes -- England -- Norfolk -- Fiction', 'Norfolk (England) -- Fiction'],
      g: crime, sum: 'Forensic archaeologist Ruth Galloway is asked to date bones found on the Norfolk saltmarsh, and is pulled into a hunt for a missing child.',
      x: [{ ...ebook, y: 2010, p: 'Quercus' }],
    },
    {
      t: 'Case Histories', a: ['Atkinson, Kate'], y: 2005, p: 'Black Swan', c: 'F', ser: ['Jackson Brodie ; 1'],
      s: ['Brodie, Jackson (Fictitious character) -- Fiction', 'Private investigators -- England -- Cambridge -- Fiction', 'Cold cases (Criminal investigation) -- Fiction'],
      g: crime, sum: 'Cambridge private detective Jackson Brodie takes on three old cases of loss and violence that turn out to be linked.',
    },
    {
      t: 'Slow Horses', a: ['Herron, Mick'], y: 2010, p: 'John Murray', c: 'F', ser: ['Slough House ; 1'], h: 3,
      s: ['Great Britain. MI5 -- Fiction', 'Intelligence officers -- Great Britain -- Fiction', 'London (England) -- Fiction'],
      g: ['Spy stories', 'Thrillers (Fiction)'],
      sum: 'Failed MI5 officers exiled to a shabby office in Barbican do pointless paperwork, until a kidnapping gives them a chance to matter.',
      x: [{ ...ebook, y: 2015, p: 'John Murray' }],
    },
    {
      t: 'Tinker Tailor Soldier Spy', a: ['Le Carré, John'], y: 1975, p: 'Pan Books', c: 'F', ser: ['Karla trilogy ; 1'],
      s: ['Smiley, George (Fictitious character) -- Fiction', 'Great Britain -- Secret service -- Fiction', 'Moles (Spies) -- Fiction', 'Cold War -- Fiction'],
      g: ['Spy stories'],
      sum: 'Brought back from retirement, George Smiley searches the top floor of the Circus for the Soviet mole among his old colleagues.',
    },
    {
      t: 'Killing Floor', a: ['Child, Lee'], y: 2010, p: 'Bantam', c: 'F', ser: ['Jack Reacher ; 1'],
      s: ['Reacher, Jack (Fictitious character) -- Fiction', 'Drifters -- Fiction', 'Counterfeiters -- Fiction', 'Georgia -- Fiction'],
      g: ['Thrillers (Fiction)'],
      sum: 'Ex-military policeman Jack Reacher steps off a bus in a small Georgia town and is promptly arrested for a murder he did not commit.',
      x: [{ ...lp, y: 2012, p: 'Charnwood' }],
    },
    {
      t: 'Dead Simple', a: ['James, Peter'], y: 2006, p: 'Macmillan', c: 'F', ser: ['Roy Grace ; 1'],
      s: ['Grace, Roy (Fictitious character) -- Fiction', 'Police -- England -- Brighton -- Fiction', 'Brighton (England) -- Fiction'],
      g: crime, sum: 'A stag-night prank goes wrong when a groom is buried alive in a coffin and his friends die before they can dig him up.',
    },
    {
      t: 'Strange Sally Diamond', a: ['Nugent, Liz'], y: 2023, p: 'Penguin Sandycove', c: 'F',
      s: ['Women -- Ireland -- Fiction', 'Psychological abuse -- Fiction', 'Family secrets -- Fiction'],
      g: ['Psychological fiction', 'Thrillers (Fiction)'],
      sum: 'Sally Diamond takes her father at his word and puts his body out with the bins, and the attention that follows uncovers her hidden childhood.',
    },
    {
      t: 'The Appeal', a: ['Hallett, Janice'], y: 2021, p: 'Viper', c: 'F',
      s: ['Amateur theater -- Fiction', 'Fund raising -- Fiction', 'Villages -- England -- Fiction'],
      g: [...crime, 'Epistolary fiction'],
      sum: 'A village amateur dramatic society raises money for a sick child, and the emails and messages between its members show that someone was murdered.',
    },
    {
      t: 'Magpie Murders', a: ['Horowitz, Anthony'], y: 2017, p: 'Orion', c: 'F', ser: ['Susan Ryeland ; 1'],
      s: ['Women editors -- Fiction', 'Authors -- Death -- Fiction', 'Villages -- England -- Fiction'],
      g: crime, sum: 'An editor reading the latest manuscript of her best-selling crime writer finds the last chapter missing, and the author dead.',
      x: [{ ...lp, y: 2017, p: 'Charnwood' }],
    },
  ],
};
