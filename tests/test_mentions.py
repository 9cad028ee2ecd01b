"""Government mentions that are governments: senses from the parse, entities and the article; gov_stance."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import require_data

from analysis.context import ArticleContext
from analysis.errors import ConfigError
from analysis.gazetteer import default_gazetteer
from analysis.mentions import (
    domestic_government,
    is_sports_story,
    load_senses,
    load_words,
    sentence_mentions,
)
from analysis.stance import government_mentions, government_stance

REPO = Path(__file__).resolve().parents[1]


def decision(text: str, surface: str, nth: int = 0) -> tuple[bool, str, str]:
    """The decision on ``surface`` in its sentence (before the article-level pass, tested apart)."""
    found = [m for m in sentence_mentions(ArticleContext.of(text)) if m.text == surface]
    assert len(found) > nth, f"{surface!r} not found in {text!r}"
    m = found[nth]
    return m.is_government, m.sense, m.reason


@pytest.mark.parametrize(
    ("text", "surface", "sense"),
    [
        ("The US economy grew by 3% last year, the report said.", "US", "economy"),
        ("UK banking group Barclays was founded more than 300 years ago.", "UK", "economy"),
        ("Yukos said it had a US subsidiary and local bank accounts.", "US", "economy"),
        ("The fate of Russia's very profitable oil business is unclear.", "Russia", "economy"),
        ("Analysts said Germany's DaimlerChrysler would gain.", "Germany", "economy"),
        ("France defender Gallas picked up an injury on Saturday.", "France", "team"),
        ("The Spaniard ousted sixth seed Filippo Volandri of Italy.", "Italy", "people"),
        ("Only the Liberal Democrats stood against the Iraq war, he said.", "Iraq", "other"),
        ("Bringing Cadillac production to Sweden should help the firm.", "Sweden", "place"),
        ("The London FTSE fell 0.8% on Monday.", "London", "other"),
        ("It has new posts covering Maseru and Mbabane in the region.", "Maseru", "place"),
        ("Podcasters are springing up in Australia, Finland, Brazil, even Malaysia.", "Brazil", "place"),
        ("The US division of the carmaker lost money.", "US", "economy"),
        # BBC sentences outside gov_stance, read when the compound / possessive default was checked
        ("The UK's biggest mortgage lender said prices rose 15.1% over the whole of 2004.", "UK", "economy"),
        (
            "Mr Bakrie told the Bisnis Indonesia newspaper that the moratorium was unnecessary.",
            "Indonesia",
            "economy",
        ),
        ("Germany's largest online provider showed its new phones at the fair.", "Germany", "economy"),
        ("US rapper Snoop Dogg has been sued in Los Angeles.", "US", "people"),
        ("The head of US TV network Fox has defended its reality shows.", "US", "economy"),
        ("More than six million UK households now have broadband.", "UK", "people"),
        ("A spokesman for Unison, Britain's biggest union, said talks would resume.", "Britain", "other"),
        ("Jarvis plans to focus on UK rail renewal, roads and plant hire work.", "UK", "economy"),
        ("Two US computer security firms warned users.", "US", "economy"),  # the head noun decides
        ("Booths were set up in a major London department store.", "London", "economy"),
        ("No-one from the Motion Picture Association of America was available.", "America", "economy"),
        ("The company has made new discoveries in Egypt, the Gulf of Mexico and Angola.", "Mexico", "place"),
        ("Asimo has visited the UK, Germany, the Czech Republic, France and Ireland.", "Germany", "place"),
        ("Cold weather across parts of the United States lifted prices.", "United States", "place"),
        ("It stars Daniel Craig on the trail of Stalin's diaries in Communist Russia.", "Russia", "place"),
        ("The 12 affected by the ruling are from Algeria, Tunisia, Egypt and Jordan.", "Egypt", "people"),
        ("The contestant wins the jackpot prize of US$100,000.", "US", "economy"),
        ('"It is vital that we act," said Mr Wellington.', "Wellington", "people"),
        ("There are other markets like Europe, India and China, he added.", "India", "economy"),
        ("It does not apply to older deals, according to the French news agency AFP.", "French", "economy"),
        ("But the firm denied reports it was withdrawing completely from Iraq.", "Iraq", "place"),
        ("Britain pulled its troops out of Iraq.", "Iraq", "place"),
        # lists, examples and the economy (read on BBC articles outside gov_stance dev)
        ("In South Korea, Japan and Hong Kong normal connections are much faster.", "Japan", "place"),
        ("Demand rose with the booming economies of countries such as China and India.", "India", "economy"),
        (
            "It was used in elections in countries as varied as Serbia, South Africa and Turkey.",
            "Turkey",
            "place",
        ),
        (
            "They have bought petroleum assets in countries including Vietnam, Sudan and Russia.",
            "Sudan",
            "place",
        ),
        ("He was fighting on battlefronts including Russia and North Africa.", "Russia", "other"),
        ("Euronext operates the Paris, Amsterdam, Brussels and Lisbon bourses.", "Amsterdam", "place"),
        ("Taxis are dearer in nine other cities (Helsinki, Oslo, Paris).", "Oslo", "place"),
        ("His album Egypt won the critics' award.", "Egypt", "other"),
        ("China overtook the US to become Japan's biggest trading partner.", "US", "economy"),
        ("China accounted for 20.1% of Japan's trade in 2004.", "China", "economy"),
        ("Japan still dominates mobile phone technology.", "Japan", "economy"),
        ("But Britain continues to lag behind Japan and South Korea.", "Britain", "economy"),
        ("Right now, Mexico leads the way, accounting for a third of the traffic.", "Mexico", "economy"),
        (
            "The tragedy left 25,000 people dead, with Sri Lanka, Thailand and India worst hit.",
            "Thailand",
            "place",
        ),
        ("The earthquake sent huge waves from Malaysia to Africa.", "Malaysia", "place"),
        ("He will greet visitors and is flying in from Japan.", "Japan", "place"),
        ("It is thought that the fake site is being run from Romania.", "Romania", "place"),
        ("All non-EU nationals, apart from citizens of Switzerland, need approval.", "Switzerland", "people"),
        ("The report was written by the former Dutch prime minister Wim Kok.", "Dutch", "people"),
        ("Europe was meant to leapfrog the economic might of the United States.", "United States", "economy"),
        ("Too many of the Lisbon targets will be missed.", "Lisbon", "other"),
        ("Already on US photojournal sites the pictures sell.", "US", "economy"),
        (
            "Oscar-nominated euthanasia film The Sea Inside from Spain won best foreign film.",
            "Spain",
            "economy",
        ),
        ("The talks are about letting Singapore Airlines fly between Australia and the US.", "US", "place"),
        (
            "Many of the affected countries, such as Indonesia, Sri Lanka or the Maldives, lack cover.",
            "Sri Lanka",
            "place",
        ),
        ("Turkcell is a security risk because of alleged business ties with Israel.", "Israel", "economy"),
        ("Motorola, the US mobile handset and infrastructure maker, showed it.", "US", "economy"),
        (
            "Findlay, a sprinter, chose to represent Trinidad and Tobago in the race.",
            "Trinidad and Tobago",
            "team",
        ),
        ("I love the way Madrid play, the striker told the radio station.", "Madrid", "team"),
        (
            "The list: Saul Bellow (Canada) Gunter Grass (Germany) Ismail Kadare (Albania).",
            "Germany",
            "people",
        ),
        ("The owners - two from Taiwan, two from China and one from Mauritius - fled.", "China", "people"),
        ("Authenti-corp, the US technology consultancy, said so.", "US", "economy"),
        ("A UK Independence Party MEP suggested Germany saw the EU as an empire.", "UK", "other"),
        ("Hardliners accused Turkish companies of doing business with Israel.", "Israel", "economy"),
        ("Meanwhile, Egypt FA spokesman Methat Shalaby welcomed the move.", "Egypt", "team"),
        ("Euronext operates the Amsterdam, Brussels, Lisbon and Paris exchanges.", "Paris", "economy"),
        ("The upgrade put it on the same level as Romania and one level below Russia.", "Russia", "other"),
        ("Scandinavian countries Sweden, Denmark and Norway came out top in the index.", "Denmark", "other"),
        ("It made Britain second only to the US in terms of the number of albums.", "US", "other"),
        ("The revision was due to stronger demand from China and other Asian countries.", "China", "economy"),
        ("The IEA revised its output estimates from Russia, a major supplier.", "Russia", "economy"),
        ("It also holds contracts in Turkmenistan and the Republic of Congo.", "Congo", "place"),
        ("The Maldives has gross domestic product of about $660m.", "Maldives", "economy"),
        ("China has 350 million smokers who buy 1.7 trillion cigarettes.", "China", "people"),
        ("They pledged the European economy would outstrip that of the US by 2010.", "US", "economy"),
        ("Productivity lags behind that of the US.", "US", "economy"),
        ("Lily Tuck's The News From Paraguay is a fictionalised tale.", "Paraguay", "other"),
        ("The panel overlooked Philip Roth's The Plot Against America this year.", "America", "other"),
        (
            "Millan says that Spain is actually just behind the United States and France in terms of rap.",
            "France",
            "other",
        ),
        ("Many consider Spain to be the leader in Spanish-language rap.", "Spain", "other"),
        ("Although the US leads in this technology, Europe is catching up.", "US", "other"),
        ("With the US leading the trend, programmers are worried.", "US", "economy"),
        (
            "It is taking off in a handful of countries around the world, mainly the US and Japan.",
            "Japan",
            "place",
        ),
        (
            '"I heard the Madrid president Florentino Perez wants me," the striker said after the match.',
            "Madrid",
            "team",
        ),
        ("The nominations include the Tour de France and the US elections.", "France", "other"),
        ("Turkey must sign an accord recognising the Greek Cypriot government.", "Greek", "people"),
        ("The worst-hit areas are Sri Lanka, India, Indonesia and Thailand.", "Thailand", "place"),
        ("But the deficit with Japan was at its worst in more than a year.", "Japan", "economy"),
        ("The crisis forced President Kirchner to suspend gas exports to Chile.", "Chile", "economy"),
        ("Substantial investment may now start to flow in from the US.", "US", "place"),
        (
            "Ireland was the most successful country in the show's history, followed by the UK and France.",
            "France",
            "other",
        ),
        ("The UK total of 5.3 million was up.", "UK", "economy"),
        ("A fan says she saw Edwards in the hippy resort of Goa, India.", "India", "place"),
        ("It was one of the messages at the 3GSM World Congress in Cannes.", "Congress", "other"),
        ("The company has made new discoveries in Egypt, the Gulf of Mexico and Angola.", "Angola", "place"),
        ("The advance, the second-fastest in Asia after China, was led by growth.", "China", "other"),
        (
            "The most optimistic were two fast-growing developing economies, China and India.",
            "India",
            "economy",
        ),
        ("South Korea was the most pessimistic.", "South Korea", "people"),
        (
            "Indonesia, Malaysia, Thailand and India have enjoyed strong economic growth.",
            "Malaysia",
            "economy",
        ),
        ("Singapore bounced back strongly from the slump.", "Singapore", "economy"),
        ("Now the board has confirmed that the US bidder is back.", "US", "economy"),
        ("A recent poll of US pundits found Eastwood's film the favourite.", "US", "people"),
        ("The growth in goods entering the UK from the EU slowed to 0.5%.", "EU", "place"),
        ("There is more weaponry on offer than in an acre of Iraq.", "Iraq", "place"),
        (
            "Also present at the service was former US president Bill Clinton.",
            "US president Bill Clinton",
            "people",
        ),
        (
            "The research team, from New York State Department of Health, found it.",
            "State Department",
            "other",
        ),
        ("Other Greek sports officials also testified at the tribunal.", "Greek", "team"),
        ("Monaco are also in the race for the striker, whose goals won the match.", "Monaco", "team"),
        ("It compares to 27 million, or 50%, of the UK, who are not currently online.", "UK", "people"),
        ("The equities trade could be managed from London in the future.", "London", "place"),
        ("More than 7,000 people had entered the UK under the scheme.", "UK", "place"),
        ("Some will be conducting raids inside of both Iraq and Syria.", "Syria", "place"),
        ("Troops are urgently needed for the conflicts of Syria, Yemen, or Libya.", "Yemen", "other"),
        ("Obama pledged to remove all troops from Afghanistan.", "Afghanistan", "place"),
        ("Viktor Yanukovych, the ousted Ukrainian president, fled.", "Ukrainian", "people"),
        (
            "The dead were Leslie Gray, 43, of Tuxford; and Robert Alcorn, 37, of Auckland, New Zealand.",
            "New Zealand",
            "people",
        ),
        # read on BBC samples outside gov_stance (every 6th from index 1 and 4), session 20
        ("The comedy Little Britain won two awards.", "Britain", "other"),
        ("Fighters of the Free Syrian Army attacked.", "Syrian", "other"),
        ("It does not obsess Middle Britain.", "Britain", "other"),
        ("Italy's Northern League leader Umberto Bossi said.", "Italy", "other"),
        ("Helping to topple Georgia's former president, he said.", "Georgia", "people"),
        (
            "Euronext operates the Paris, Amsterdam, Brussels and Lisbon bourses, while the LSE is in"
            " London.",
            "Paris",
            "economy",
        ),
        ("Deutsche Telekom gained on the back of upbeat US mobile earnings.", "US", "economy"),
        ("The firm cited London's strong regulatory environment.", "London", "place"),
        ("Sudan's rainy season began.", "Sudan", "other"),
        ("Iraq will remain an issue for the election, he said.", "Iraq", "other"),
        ("The attacks were unrelated to Afghanistan, Iraq, or terrorism, police said.", "Iraq", "other"),
        ("He led a trade delegation to five countries, including India and China.", "China", "place"),
        ("The city is more overcrowded than France or India.", "France", "other"),
        ("The opposition attacked the government over Iraq.", "Iraq", "other"),
        ("China's part in the talks on North Korea is key.", "North Korea", "other"),
        ("The share of trade with the US rose.", "US", "economy"),
        ("The town is close to the border with Morocco.", "Morocco", "place"),
        ("Japan is the world's least fertile nation.", "Japan", "other"),
        # read on every 6th from index 2 and 5
        ("He bought a Swiss Army Knife.", "Swiss", "other"),
        ("Tickets for the Vienna State Opera sold out.", "Vienna", "other"),
        ("The Spanish media criticises its English counterparts.", "Spanish", "economy"),
        ("Mr Blair spoke. Australia, Italy and the Netherlands also saw a decline.", "Italy", "economy"),
        ("Mr Blair spoke. The US suffered two years of economic slowdown.", "US", "economy"),
        # read on every 6th from index 0 and 3
        (
            "Mr Blair spoke. In June's European Parliament elections, UKIP won.",
            "European Parliament",
            "other",
        ),
        ("Mr Blair spoke. He has an anti Iraq war stance.", "Iraq", "other"),
        ("Mr Blair spoke. Hurricanes battered the US last year.", "US", "place"),
        # read on PolNeAR (US political news, 2015-16)
        (
            "Republicans in Congress voted on the bill; the White House objected. Georgia could be closer.",
            "Georgia",
            "place",
        ),
        ("The crowd cheered Michelle Obama's appearance, and President Obama spoke.", "Obama", "other"),
        ("Her second White House run began.", "White House", "other"),
        ("Mr Obama spoke. His bid for the White House failed.", "White House", "other"),
        ("Mr Obama spoke. He is the U.S. presidential candidate.", "U.S.", "people"),
        ("Mr Obama spoke. He wants to make America great again.", "America", "other"),
        ("Mr Obama spoke. It is the heart and soul of America.", "America", "other"),
        ("Mr Obama spoke. The U.S. ambassador to Libya was killed.", "Libya", "place"),
        ("Mr Obama spoke. He has two sisters and a brother from Poland.", "Poland", "people"),
        ("Mr Obama will deploy 300 troops to Cameroon.", "Cameroon", "place"),
        (
            "Mr Blair spoke. The exhibition will include works from Germany, South Korea and China.",
            "Germany",
            "other",
        ),
        (
            "Mr Blair spoke. Sellafield reprocesses waste from countries such as Japan and Spain.",
            "Japan",
            "other",
        ),
        (
            "Labour MPs voted with the Tories. Conservative local government spokesman Glyn Davies said no.",
            "Glyn Davies",
            "people",
        ),
        (
            "Broadband is growing in Europe, in particular the UK, France and Spain, said the report.",
            "UK",
            "other",
        ),
        # session 21, from the readings of BBC articles outside gov_stance
        (
            "The media in the southern African country, twice the size of France, has been gripped.",
            "France",
            "place",
        ),
        ("With the Treaty of Amsterdam seven years ago, we kept our veto.", "Amsterdam", "other"),
        (
            "At least 10 countries have been affected, with Sri Lanka, Indonesia, India and Thailand"
            " among the worst hit.",
            "India",
            "place",
        ),
        (
            "In the mountainous country surrounded by South Africa, it is feared that jobs will go.",
            "South Africa",
            "place",
        ),
        ("We are already seeing a sweeping change in IT work being lost to India.", "India", "place"),
        ("The laws were introduced after the US terror attacks on 11 September 2001.", "US", "other"),
        ("It looked into the events of the 11 September terrorist attacks on the US.", "US", "other"),
        (
            "But the political discussions, focusing on Iran, Iraq and China, are likely to be heated.",
            "Iran",
            "other",
        ),
        ("Mr Blair said the two leaders had talked about Afghanistan.", "Afghanistan", "other"),
        ("In respect of Iraq, we agreed that elections matter.", "Iraq", "other"),
        ("The outlook for Sri Lanka is less optimistic.", "Sri Lanka", "economy"),
        (
            "China accounted for 20.1% of Japan's trade in 2004, compared with 18.6% for the US.",
            "US",
            "economy",
        ),
        ("The US will continue to drive expansion, the IMF said.", "US", "economy"),
        (
            "Countries such as the Czech Republic and Slovenia would provide the backbone of the"
            " continent's growth.",
            "Slovenia",
            "economy",
        ),
        ("It was always a struggle for him to connect with Black America.", "America", "other"),
        ("He invoked the specters of Weimar Germany and Zimbabwe.", "Germany", "other"),
        # session 21, from unseen PolNeAR readings (seeds 203, 204)
        ("He wants to build a wall between the United States and Mexico.", "Mexico", "place"),
        ("US troops are split between Syria and Iraq.", "Syria", "place"),
        ("The city sits next to Belgium.", "Belgium", "place"),
        ("That was on my way to Libya?", "Libya", "place"),
        ("Fahrenthold reported from Washington.", "Washington", "place"),
        ("Libya today is a failed state.", "Libya", "other"),
        ("The United States is a nation of hyphenated identities.", "United States", "other"),
        ("The Republican Party's presumed White House nominee spoke.", "White House", "other"),
        ("He is one step closer to winning the White House.", "White House", "other"),
        ("It is the political ethos of the United States.", "United States", "other"),
        ("Russia's recession deepened as oil fell.", "Russia", "economy"),
        ("Crime in the city of Caracas, Venezuela, is rising.", "Venezuela", "place"),
        ("The cities include Caracas, Venezuela; and Acapulco, Mexico.", "Venezuela", "place"),
        ("Libya today is completely chaotic.", "Libya", "other"),
        ("U.S. plans to help rebuild Libya fell by the wayside.", "Libya", "place"),
        ("Clinton advocated for a speedy Iraq withdrawal.", "Iraq", "place"),
        ("Trade flows with Mexico were smaller.", "Mexico", "economy"),
        ("He is accepting refugees from war-torn countries such as Syria.", "Syria", "people"),
        ("It shaped his homeland of Australia.", "Australia", "place"),
        ("His discussion with Trump was about Israel.", "Israel", "other"),
        ("Afghanistan was a terrible mistake, he said.", "Afghanistan", "other"),
        ("The U.S. added around 292,000 jobs.", "U.S.", "economy"),
        ("China suffered market chaos.", "China", "economy"),
        ("It is the threat the NRA poses to the U.S.", "U.S.", "other"),
        ("It isn't good for the United States.", "United States", "other"),
        ("God bless America.", "America", "other"),
        ("Immigration to Israel rose.", "Israel", "place"),
        (
            "Growth is threatened by the United States' huge current account deficit.",
            "United States",
            "economy",
        ),
        ("They limited the amount countries like China could export.", "China", "economy"),
        ("The EU benefits Germany but it does not benefit Britain.", "Britain", "other"),
        ("There was a retaliatory blitz on Afghanistan last year.", "Afghanistan", "place"),
        ("US demand for heating oil rose as the weather turned cold.", "US", "economy"),
        ("Tony Blair should set out a proper exit strategy from Iraq.", "Iraq", "place"),
        ("The jobs promised by EU leaders in Lisbon in 2000 never came.", "Lisbon", "place"),
        ("The operator denies that its UK roaming rates are too high.", "UK", "economy"),
        ("He has worked for politicians from Mexico to Uruguay.", "Uruguay", "place"),
        ("He has worked for politicians from Mexico to Uruguay.", "Mexico", "place"),
        ("The former UN commissioner for human rights and Irish president told the BBC.", "Irish", "people"),
        (
            "Asia will drive growth, with China and India filling the two top spots, analysts said.",
            "India",
            "other",
        ),
        (
            "The State Department declined to comment. One woman adopted from Iran was deported.",
            "Iran",
            "people",
        ),
        (
            "The State Department declined to comment. Sadiq, a barrister from New Delhi, spoke.",
            "New Delhi",
            "people",
        ),
        (
            "The State Department declined to comment. She met an adoptee from South Korea.",
            "South Korea",
            "people",
        ),
        (
            "The State Department declined to comment. He bought a passport for a vacation to Mexico.",
            "Mexico",
            "place",
        ),
        ("The State Department declined to comment. He and Trump differ on Israel.", "Israel", "other"),
        (
            "The State Department declined to comment. The post spread on Chinese social media.",
            "Chinese",
            "economy",
        ),
        (
            "The State Department declined to comment. He vowed to make America whole again.",
            "America",
            "other",
        ),
        (
            "The State Department declined to comment. Russia is becoming a focus of the campaign.",
            "Russia",
            "other",
        ),
        ("Prime Minister Tony Blair spoke. Nazi Germany invaded Poland in 1939.", "Germany", "other"),
        # from the unseen samples of typical BBC articles (readings/rows_bbc_*gov_seed30*.tsv)
        ("Prime Minister Tony Blair spoke. The UK gaming industry's trade body said so.", "UK", "economy"),
        ("Prime Minister Tony Blair spoke. US retail spending is expected to rise.", "US", "economy"),
        ("Prime Minister Tony Blair spoke. Britain's first mobile phone call.", "Britain", "economy"),
        ("Prime Minister Tony Blair spoke. Its deal with US telco SBC was signed.", "US", "economy"),
        ("Prime Minister Tony Blair spoke. The UK's Home Choice started in 1992.", "UK", "other"),
        ("Prime Minister Tony Blair spoke. Labour was hurt by the Iraq controversy.", "Iraq", "other"),
        ("Prime Minister Tony Blair spoke. Willis plays a US military commander.", "US", "other"),
        ("Prime Minister Tony Blair spoke. The extradition of the man to Spain began.", "Spain", "place"),
        ("Prime Minister Tony Blair spoke. He was refused entry to Britain.", "Britain", "place"),
        ("Prime Minister Tony Blair spoke. He opposed the war on Iraq.", "Iraq", "place"),
        ("Prime Minister Tony Blair spoke. MPs gave support for the government on Iraq.", "Iraq", "other"),
        ("Prime Minister Tony Blair spoke. The UK was one of the biggest economies.", "UK", "economy"),
        ("Prime Minister Tony Blair spoke. It is set in the US state of San Andreas.", "US", "place"),
        ("Prime Minister Tony Blair spoke. He was born in the Indian state of Kerala.", "Indian", "place"),
        ("Prime Minister Tony Blair spoke. US playwright Eve Ensler wrote it.", "US", "people"),
        ("Prime Minister Tony Blair spoke. The UK pension crisis deepened.", "UK", "economy"),
        ("Kenya's athletics body banned the runner after the race.", "Kenya", "team"),
        (
            "Prime Minister Tony Blair spoke. According to a new book, Brown's Britain, he was angry.",
            "Britain",
            "other",
        ),
        (
            "Prime Minister Tony Blair spoke. The body that represents vice-chancellors, "
            "Universities UK, said no.",
            "UK",
            "other",
        ),
        ("Prime Minister Tony Blair spoke. He spoke about the Iraq weapons dossier.", "Iraq", "other"),
        ("Prime Minister Tony Blair spoke. He rejected claims over Iraqi weapons.", "Iraqi", "other"),
        (
            "Prime Minister Tony Blair spoke. The shops are spread across all of South Africa.",
            "South Africa",
            "people",
        ),
        (
            "Prime Minister Tony Blair spoke. It is the looking-glass world of modern Russia.",
            "Russia",
            "other",
        ),
        ("Prime Minister Tony Blair spoke. Deflation has plagued Japan for years.", "Japan", "other"),
        ("Prime Minister Tony Blair spoke. The US created fewer jobs than expected.", "US", "economy"),
        ("Prime Minister Tony Blair spoke. He wants a new liberal Britain.", "Britain", "other"),
        ("Prime Minister Tony Blair spoke. Britain deserves better, he said.", "Britain", "other"),
        ("Prime Minister Tony Blair spoke. We want a better Britain.", "Britain", "other"),
        ("Prime Minister Tony Blair spoke. Migrants are not a burden to Britain.", "Britain", "other"),
        ("Prime Minister Tony Blair spoke. It is in the best interests of Britain.", "Britain", "other"),
        ("Prime Minister Tony Blair spoke. These are the problems Britain faces.", "Britain", "other"),
        (
            "Prime Minister Tony Blair spoke. The report, entitled Broadband Britain, was published.",
            "Britain",
            "other",
        ),
        ("Prime Minister Tony Blair spoke. All the markets grew apart from Japan.", "Japan", "economy"),
        ("Prime Minister Tony Blair spoke. Japan is where Europe will be in a few years.", "Japan", "place"),
        ("Prime Minister Tony Blair spoke. The Muslim Council of Britain objected.", "Britain", "other"),
        (
            "Prime Minister Tony Blair spoke. Iraq, they insisted, would not be a factor for voters.",
            "Iraq",
            "other",
        ),
        (
            "Prime Minister Tony Blair spoke. Sales rose, said chief executive Thierry Breton.",
            "Thierry Breton",
            "people",
        ),
        (
            "Prime Minister Tony Blair spoke. Voters were let down on issues from Iraq to fees.",
            "Iraq",
            "other",
        ),
    ],
)
def test_names_that_are_not_the_government(text, surface, sense):
    ok, got, reason = decision(text, surface)
    assert not ok and got == sense and reason


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("US Treasury Secretary John Snow told an audience.", "US Treasury Secretary John Snow"),
        ("Iraq's Oil Ministry has awarded the first post-war oil contract.", "Iraq"),
        ("Seoul has engaged in years of diplomacy with Beijing on migrants.", "Beijing"),
        ("The friction between Seoul and Beijing comes at a bad time.", "Seoul"),
        ("Chinese diplomats could be annoyed by Seoul's stepped-up pressure.", "Seoul"),
        ("Poland has requested more time to consider the directive.", "Poland"),
        ("Officials in Beijing and Seoul said the talks would resume.", "Seoul"),
        ("The US Anti-Doping Agency decided to press charges against the sprinter.", "US"),
        ("North Korea's state media said the UK's most senior diplomat was expelled.", "UK"),
        ("This week Colin Powell was visiting the West Bank to stress US support for the election.", "US"),
        ("One small bright spot for US policy-makers was the figure.", "US"),
        ("According to Chinese state press reports, the dam was stopped.", "Chinese"),
        ("Under the US Foreign Corrupt Practices Act, firms are liable.", "US"),
        ("The US plans to sell bonds to Asian states such as Japan and China.", "Japan"),
        ("Cafod wants Britain to pressure countries like the US to make firm commitments.", "Britain"),
        ("The world's biggest tobacco consumer, China, has said it will not allow new factories.", "China"),
        ("Britain takes over the presidency of the EU from Luxembourg in July.", "Luxembourg"),
        ("Ties with Europe's fastest-growing economies, Poland and Hungary, grew.", "Poland"),
        ("Without the rebate we would pay 14 times as much as France.", "France"),
        ("During his trip to the games, Mr Straw will represent the G8 at the conference.", "G8"),
        ("The OPEC cut came after pressure from Opec members.", "Opec"),
        ("Sanctions were imposed by several countries, notably the US and Britain.", "Britain"),
        ("The deal was signed with the sheikhdom of Qatar.", "Qatar"),
        ("The president of the Republic of Ghana met Mr Bush.", "Ghana"),
        ("Only the UK, Finland and Belgium have actually followed up policy recommendations.", "Finland"),
        ("The US is behind the plan to reform the UN.", "US"),
        ("The minister said Britain would stand behind the US in the crisis.", "US"),
        ("Britain has troops in Iraq.", "Britain"),
        ("The US led the invasion in 2003.", "US"),
        ("Turkey must sign an accord recognising the Greek Cypriot government.", "Cypriot"),
        ("The bill passed Congress on Tuesday.", "Congress"),
        ("China's deputy foreign minister Wu Dawei said no.", "China's deputy foreign minister Wu Dawei"),
        ("The team was followed by the US delegation.", "US"),
        ("The government and China agreed on the deal.", "China"),
        ("Britain is confident that the talks will succeed.", "Britain"),
        ("Thailand has said it does not wish to opt for a debt repayment freeze.", "Thailand"),
        ("They talked about Turkey entering the EU.", "EU"),
        ("The UK sports minister Richard Caborn spoke.", "UK"),
        ("The US State Department said no.", "US State Department"),
        ("Prices rose on talk of a potential output cut from oil producers' group Opec.", "Opec"),
        ("The UK sent a delegation to the UN.", "UN"),
        ("Turkey will send a letter to the EU.", "EU"),
        ("Britain said it would talk with Iran over its nuclear programme.", "Iran"),
        ("The accounts were held by the government of Equatorial Guinea.", "Equatorial Guinea"),
        ("The Australian government's decision to accept the request was criticised.", "Australian"),
        ("The Pakistani president's visit to London ended.", "Pakistani"),
        ("The UN's Food & Agriculture Organisation has warned of famine.", "UN"),
        ("The UN refugees agency is worried about the camps.", "UN"),
        ("King Abdullah of Jordan paid for him to fly to the talks.", "Jordan"),
        ("The US Air Force will attend the air show.", "US"),
        ("The US Navy Seals attacked.", "US"),
        ("North Korean media said the talks failed.", "North Korean"),
        ("Both the IMF and World Bank have urged Egypt to reform.", "IMF"),
        ("Mr Obama spoke. Afghanistan's envoy to the United Nations said.", "United Nations"),
        ("The Ivory Coast's air force bombed the town.", "Ivory Coast"),
        (
            "A Department for Media, Culture and Sport spokeswoman said.",
            "Department for Media, Culture and Sport",
        ),
        ("Mr Blair met Mr Chirac. Britain and France have drawn up proposals.", "France"),
        # the other side of session 21's rules
        ("The US attacked Iraq, and the attacks on Iraq went on.", "US"),
        ("The talks on trade were held in London, where Britain pressed France.", "France"),
        ("The US demands for reform were rejected.", "US"),
        ("China will provide aid to the region, the foreign ministry said.", "China"),
        ("The Japanese government said the treaty with China was signed.", "China"),
        ("Chinese officials in Beijing said no.", "Beijing"),
        ("Its US embassy was shut after the protest.", "US"),
        ("The aid from Japan to Indonesia was pledged by Tokyo.", "Japan"),
        ("The Irish president told the BBC that the former ministers were wrong.", "Irish"),
        ("Relations between China and Japan are poor.", "Japan"),
        ("The war between Iran and Iraq lasted eight years.", "Iran"),
        ("Minister for Europe Denis MacShane said Britain would sign.", "Britain"),
        ("China is worried about the plan.", "China"),
        ("The US withdrawal from Iraq was fast.", "US"),
        ("Both Russia and America would be better off with a few arms.", "Russia"),
        ("The FBI's probe into the email server went on.", "FBI"),
        ("China expects the US to back down.", "China"),
        ("The US budget deficit grew again.", "US"),
        ("The EU benefits Germany but it does not benefit Britain.", "EU"),
        ("We must take on our enemies like ISIS, Iran, North Korea and Russia.", "North Korea"),
        ("Chinese state media said the talks had failed.", "Chinese"),
        ("The ambassador from China said the talks had failed.", "China"),
        ("Washington will open relations with the Castro government.", "Castro government"),
    ],
)
def test_names_that_are_the_government(text, surface):
    ok, sense, reason = decision(text, surface)
    assert ok and sense == "government" and reason


def test_a_sports_report_makes_countries_teams():
    text = (
        "Ireland 17-12 South Africa\n\nRonan O'Gara scored all Ireland's points as the home side claimed "
        "only their second win over South Africa. Three further penalties extended Ireland's lead. The "
        "Springboks closed to within five points but Ireland held on in the final quarter of the match, "
        "the coach said, praising the fly-half and the forwards after the try."
    )
    assert is_sports_story(text)
    context = ArticleContext.of(text)
    assert context.mentions and not any(m.is_government for m in context.mentions)
    assert {m.sense for m in context.mentions} == {"team"}
    assert government_stance(context).empty  # no government sense, no row


def test_domestic_politics_resolves_the_government_and_ministers():
    text = (
        "Ministers will invite observers to check the UK general election. But in a written response to "
        "Labour MP Gordon Prentice, the government said it would invite observers. Shadow home secretary "
        "David Davis said the Tories would act, and a Conservative government would change the law."
    )
    assert domestic_government(text) == "United Kingdom"
    found = [(m.text, m.government) for m in ArticleContext.of(text).mentions if m.is_government]
    assert ("Ministers", "United Kingdom") in found
    assert ("the government", "United Kingdom") in found
    assert not any("home secretary" in t or "Conservative government" in t for t, _ in found)


def test_shadow_former_generic_and_foreign_titles_are_not_the_domestic_government():
    uk = "Labour MPs voted with the Tories in the Commons. The government said it would act. "
    for phrase in (
        "Shadow sports minister Lord Moynihan said so.",
        "Former welfare minister Frank Field agreed.",
        "Any chancellor would use his pre-election budget.",
        "Viewers backed Bill Oddie for prime minister.",
        "He said prime ministers should not have the right of veto.",
        "For years, the government of Chancellor Gerhard Schroeder has put job creation first.",
        "When he was home secretary he acted.",
        "The Lib Dems' Treasury spokesman said no.",
        "There is a requirement that ministers of religion should speak English.",
        "First Minister Rhodri Morgan spoke in Cardiff.",
        "It aired just after Prime Minister's question time.",
        "He told Radio 4's PM programme that he agreed.",
        "The shadow chief secretary to the Treasury spoke.",
    ):
        found = ArticleContext.of(uk + phrase).mentions
        domestic = [m.text for m in found if m.government == "United Kingdom" and m.start >= len(uk)]
        assert domestic == [], phrase
    found = ArticleContext.of(uk + "The government of Chancellor Gerhard Schroeder acted.").mentions
    assert [m.government for m in found if m.text == "Gerhard Schroeder"] == ["Germany"]
    # the domestic title itself still counts
    last = ArticleContext.of(uk + "The chancellor said no.").mentions[-1]
    assert last.text == "The chancellor" and last.government == "United Kingdom"


def test_an_office_holder_named_as_something_else_is_that_throughout():
    text = "The show features tycoon Donald Trump. Trump is seen in a limousine."
    found = [m for m in ArticleContext.of(text).mentions if "Trump" in m.text]
    assert [(m.text, m.is_government) for m in found] == [("Donald Trump", False), ("Trump", False)]
    assert "tycoon Donald Trump" in found[1].reason


def test_a_title_held_before_is_not_the_domestic_government():
    uk = "Labour MPs voted with the Tories in the Commons. The government said it would act. "
    for text in ("Ex-Home Secretary David Blunkett said so.", "It was the then Home Secretary's plan."):
        found = [m for m in ArticleContext.of(uk + text).mentions if "Home Secretary" in m.text]
        assert not found, text


def test_a_capital_used_for_its_club_is_the_club_throughout_a_sports_story():
    text = (
        "Michael Owen says he wants to move in the summer. I am pleased that a club of their stature want "
        "to buy me. The Madrid striker said he was happy in Spain. I have told Madrid that I want it to "
        "happen. Madrid know my situation, he told reporters on Monday after weeks of talks with his family."
    )
    found = [m for m in ArticleContext.of(text).mentions if m.text == "Madrid"]
    assert len(found) == 3 and not any(m.is_government for m in found)
    assert "the club in this sports story" in found[-1].reason


def test_an_institution_of_many_countries_belongs_to_the_country_that_owns_it():
    text = "Brazil's president spoke. Brazil's Congress voted. A meeting of the country's Congress was held."
    found = [m for m in ArticleContext.of(text).mentions if m.text == "Congress"]
    assert [m.government for m in found] == ["United States", "United States"]
    assert not any(m.is_government for m in found)
    assert "Brazil's" in found[0].reason and "names most" in found[1].reason
    us = "The US Congress voted. Congress met again in Washington."
    assert all(m.is_government for m in ArticleContext.of(us).mentions if "Congress" in m.text)


def test_party_roles_and_former_titles_put_an_office_holder_out_of_office():
    uk = "Labour MPs voted with the Tories in the Commons. The government said it would act. "
    for text, name in (
        ("Labour election co-ordinator Alan Milburn said so.", "Alan Milburn"),
        ("Former education secretary Estelle Morris told the BBC.", "Estelle Morris"),
        ("Ex-Home Secretary David Blunkett told the BBC.", "David Blunkett"),
        ("It was signed by the then Home Secretary David Blunkett.", "David Blunkett"),
    ):
        found = [m for m in ArticleContext.of(uk + text).mentions if m.text == name]
        assert found and not found[0].is_government, text
    found = [m for m in ArticleContext.of(uk + "Education Secretary Estelle Morris spoke.").mentions]
    assert any(m.text == "Estelle Morris" and m.is_government for m in found)


def test_the_authorities_of_a_sports_report_are_the_sports():
    text = (
        "Greece's sprinter Kenteris missed a drugs test before the Athens Olympics. The athletics coach "
        "of the Greek team said the race and the Games medals were not at stake. Greek athletes and their "
        "coach face a hearing of the IAAF. The lawyer said the authorities knew he was in Germany."
    )
    found = [m for m in ArticleContext.of(text).mentions if m.text == "the authorities"]
    assert all(not m.is_government for m in found)


def test_someone_elses_ministers_are_not_the_domestic_government():
    uk = "Labour MPs voted with the Tories in the Commons. "
    for text in (
        uk + "Mr Abbas will meet one of the three Israeli deputy prime ministers.",
        uk + "G7 finance ministers met in London.",
        uk + "Foreign ministers from 23 European and Arab countries attended.",
    ):
        assert not [m for m in ArticleContext.of(text).mentions if "inister" in m.text], text
    # the previous sentence's last word is not a qualifier: "... in London. Ministers would act."
    found = ArticleContext.of(uk + "G7 finance ministers met in London. Ministers would act.").mentions
    assert [m.text for m in found if m.government == "United Kingdom" and m.is_government] == ["Ministers"]


def test_prime_ministers_in_a_us_story_and_the_government_of_x():
    us = "Republicans in Congress voted on the bill; the White House and Democrats objected. "
    found = ArticleContext.of(us + "Prime Minister Benjamin Netanyahu met Mr Obama. The prime minister left.")
    assert not [m for m in found.mentions if m.text.lower() == "the prime minister"]
    found = ArticleContext.of(us + "The government of Costa Rica has also agreed.").mentions
    assert [m.government for m in found if m.is_government and "Costa" in m.text] == ["Costa Rica"]
    assert not [m for m in found if m.text == "The government"]
    gazetteer = default_gazetteer()
    assert gazetteer.in_office("United States", "Hillary Rodham Clinton", 2015) is False
    assert gazetteer.in_office("United States", "Joe Biden", 2016) is True  # vice president


def test_cctv_is_chinas_only_in_a_story_naming_china():
    assert ArticleContext.of("CCTV pictures showed the suspect.").mentions == []
    found = ArticleContext.of("China's state broadcaster CCTV said so.").mentions
    assert [(m.text, m.government, m.is_government) for m in found][-1] == ("CCTV", "China", True)


def test_the_authorities_are_the_main_countrys_and_a_un_body_is_the_un():
    text = (
        "Russia's oil giant Yukos was sold. Russia said the sale was fair. Critics in Russia disagree. "
        "The authorities have made themselves a wonderful Christmas present, one analyst said."
    )
    found = [m for m in ArticleContext.of(text).mentions if m.text == "The authorities"]
    assert [(m.government, m.is_government) for m in found] == [("Russia", True)]
    elsewhere = "Russia said so. Russia agreed. Russia won. The authorities in Florida arrested him."
    assert [m.text for m in ArticleContext.of(elsewhere).mentions if "authorities" in m.text] == []
    ok, sense, _ = decision("Korea was ranked 13th in the world by a UN telecoms body.", "UN")
    assert ok and sense == "government"


def test_an_acronym_spelled_out_as_another_body_is_that_body():
    text = "The World Tourism Organisation (WTO) said arrivals rose. The WTO said Asia led."
    assert [m.text for m in ArticleContext.of(text).mentions] == []
    trade = "The World Trade Organisation ruled on the case. The WTO said so."
    assert [m.text for m in ArticleContext.of(trade).mentions] == ["World Trade Organisation", "WTO"]


def test_an_unresolved_the_government_is_the_main_countrys():
    text = "Angola is poor. Angola has oil. Angola was at war. The government is waiting for aid."
    found = [(m.text, m.government) for m in ArticleContext.of(text).mentions if m.is_government]
    assert ("The government", "Angola") in found
    two = "The film was shot in France and Spain. The government is waiting."
    assert not [m for m in ArticleContext.of(two).mentions if m.text == "The government"]


def test_a_lone_role_reading_needs_a_sign_of_government_in_the_article():
    # an entertainment story: one reading of each country as the state, by its role alone
    film = "The film, shot in Africa, was a hit. Angola is one of the poorest countries, the director said."
    angola = next(m for m in ArticleContext.of(film).mentions if m.text == "Angola")
    assert not angola.is_government and "no office-holder, institution or government noun" in angola.reason
    # a political act, an office-holder elsewhere, or an organisation of states keeps it
    assert all(m.is_government for m in ArticleContext.of("Seoul pressed China.").mentions)
    with_minister = film + " Angola's culture minister praised it."
    assert all(
        m.is_government for m in ArticleContext.of(with_minister).mentions if m.text.startswith("Angola")
    )
    un = next(m for m in ArticleContext.of("The United Nations recognised this.").mentions)
    assert un.is_government


def test_government_mentions_table_has_sense_and_reason(seed):
    table = government_mentions(seed)
    assert list(table.columns) == [
        "government",
        "mention",
        "kind",
        "start",
        "end",
        "sentence",
        "is_government",
        "sense",
        "reason",
    ]
    assert (table.reason != "").all()
    assert set(table.sense) <= {"government", "place", "people", "team", "economy", "venue", "other"}
    uni = table[table.start == seed.text.index("Seoul's Sungkyunkwan")].iloc[0]
    assert not uni.is_government and uni.sense == "place"
    for _, r in table.iterrows():
        assert seed.text[r.start : r.end] == r.mention


def test_only_mention_sentences_are_parsed(seed):
    context = ArticleContext.of(seed)
    assert context.mentions
    stats = context.parsed.stats
    assert 0 < stats["sentences_parsed"] < stats["sentences"]
    assert stats["sentences_with_entities"] <= stats["sentences_parsed"]


def test_bad_senses_file_is_a_config_error(tmp_path):
    bad = tmp_path / "senses.toml"
    bad.write_text("[nouns]\ngovernment = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="senses.toml"):
        load_senses(bad)
    with pytest.raises(ConfigError, match="not found"):
        load_senses(tmp_path / "missing.toml")


def test_word_lists_file_is_checked_and_every_list_is_used(tmp_path):
    bad = tmp_path / "words.toml"
    bad.write_text("[words]\nleaving_verbs = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="words.leaving_verbs"):
        load_words(bad)
    bad.write_text("[other]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"missing table \[words\]"):
        load_words(bad)
    source = (REPO / "analysis" / "mentions.py").read_text(encoding="utf-8")
    unused = [key for key in load_words() if f'_word_list("{key}")' not in source]
    assert unused == []


@pytest.mark.slow
def test_gov_stance_dev_rows_and_labels():
    require_data("gov_stance", "dev.jsonl")
    out = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "eval_gov_stance.py")],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout
    row = next(line for line in out.splitlines() if line.startswith("| 0.") or line.startswith("| 1."))
    cells = [c.strip() for c in row.strip("|").split("|")]
    precision, recall, accuracy = float(cells[0]), float(cells[1]), float(cells[3])
    # measured 0.98 / 0.96 / 0.796 (was 0.50 / 0.86 / 0.30 before the parse-based decisions)
    assert precision >= 0.95 and recall >= 0.92 and accuracy >= 0.77


@pytest.mark.slow
def test_sports_threshold_separates_bbc_sport():
    """The sports-story rule, checked on the BBC folders (topic labels, not stance labels)."""
    root = require_data("news_corpus", "bbc")
    hits = {}
    for folder in ("sport", "politics", "business"):
        files = sorted((root / folder).glob("*.txt"))
        hits[folder] = sum(is_sports_story(f.read_text(encoding="utf-8")) for f in files) / len(files)
    assert hits["sport"] >= 0.95  # measured 97% of all 2,225 BBC articles' sport folder
    assert hits["politics"] <= 0.04 and hits["business"] <= 0.04


def test_a_title_merge_stops_at_a_sentence_or_a_clause():
    text = (
        "The bill passed Congress on Tuesday. Senators in Congress voted. "
        "Lord Goldsmith had warned Tony Blair."
    )
    found = [m.text for m in ArticleContext.of(text).mentions]
    assert found == ["Congress", "Congress", "Lord Goldsmith", "Tony Blair"]


def test_office_holders_are_read_against_the_articles_date():
    from analysis.article import Article

    text = (
        "Republican presidential nominee Donald Trump claimed that Ferguson is dangerous. "
        "President Obama released a statement. Trump said he was postponing a news conference."
    )

    def decisions(published):
        article = Article.from_text(text, published=published)
        return [(m.text, m.is_government) for m in ArticleContext(article).mentions]

    assert decisions("2016-05-19") == [("Donald Trump", False), ("Obama", True), ("Trump", False)]
    assert decisions("2018-03-01") == [("Donald Trump", True), ("Obama", False), ("Trump", True)]
    # no date: every listed leader is in office, unless the story names him as something else ("nominee")
    assert decisions(None) == [("Donald Trump", False), ("Obama", True), ("Trump", False)]
    reason = next(m.reason for m in ArticleContext(Article.from_text(text, published="2016-05-19")).mentions)
    assert reason == "'Donald Trump' not in office in 2016 (the gazetteer's leader_years)"
    saddam = "Mr. Trump praised Saddam Hussein as an effective fighter of terrorism."
    in_2016 = ArticleContext(Article.from_text(saddam, published="2016-07-06")).mentions
    in_2002 = ArticleContext(Article.from_text(saddam, published="2002-07-06")).mentions
    assert [m.is_government for m in in_2016 if m.text == "Saddam Hussein"] == [False]
    assert [m.is_government for m in in_2002 if m.text == "Saddam Hussein"] == [True]
    renzi = "Prime Minister Matteo Renzi is rallying a coalition."
    in_2015 = ArticleContext(Article.from_text(renzi, published="2015-10-01")).mentions
    assert [(m.text, m.government, m.is_government) for m in in_2015] == [("Matteo Renzi", "Italy", True)]


def test_the_joint_chiefs_are_south_koreas_only_in_a_korea_story():
    us = "He was the chairman of the Joint Chiefs of Staff, Gen. Joseph Dunford."
    assert [m.text for m in ArticleContext.of(us).mentions] == []
    korea = "North Korea fired a missile, South Korea's Joint Chiefs of Staff said."
    found = [(m.text, m.government, m.is_government) for m in ArticleContext.of(korea).mentions]
    assert found[1] == ("South Korea's Joint Chiefs of Staff", "South Korea", True)


def test_us_campaign_stories_office_holders_as_candidates_and_offices_sought():
    """From the readings of PolNeAR seeds 401 and 402 (US political news naming one or two governments)."""
    from analysis.article import Article

    def decided(text, published="2016-03-15"):
        article = Article.from_text(text, published=published)
        return [(m.text, m.is_government) for m in ArticleContext(article).mentions]

    # an office-holder in an electoral role is a candidate; in office otherwise
    assert decided("President Barack Obama won the state in 2008 but lost it four years later.") == [
        ("Barack Obama", False)
    ]
    assert ("Obama", False) in decided(
        "Romney lost - convincingly - to President Obama, who got 66 million votes."
    )
    assert decided("President Obama won praise from Congress for the deal.")[0] == ("Obama", True)
    # the institution as a prize, a title sought, an administration of someone not in office
    seat = decided("He crushed the establishment candidate to win a seat in the U.S. Senate.")
    assert [ok for name, ok in seat if "Senate" in name] == [False]
    assert decided("Donors tried to keep her out of Congress.") == [("Congress", False)]
    assert decided("Republicans hope to hold their majorities in the House and Senate.") == [
        ("Senate", False)
    ]
    assert decided("She will be our next president of the United States.") == [("United States", False)]
    assert decided("Nobody knows what goes on inside a Trump White House.") == [("Trump White House", False)]
    # another person with a leader's surname, at a sentence start too
    assert decided("Michelle Obama made the crowd cheer.", "2016-07-27")[0] == ("Obama", False)
    # a one-word name used inside a person's name is that person in its other mentions
    text = 'Jeremy Paris moved here. "We are ready," Paris, who used to work on Capitol Hill, said.'
    assert [ok for name, ok in decided(text) if name == "Paris"] == [False, False]


def test_places_titles_campaigns_and_datelines_in_us_political_news():
    """More from the readings of PolNeAR seeds 401 and 402."""
    from analysis.article import Article

    def decided(text, published="2016-03-15"):
        article = Article.from_text(text, published=published)
        return {m.text: m.is_government for m in ArticleContext(article).mentions}

    assert decided("He had lived in Vero Beach before leaving for Syria.")["Syria"] is False
    assert decided("Eisenhower would have never proposed banning Muslims from America.")["America"] is False
    assert decided('He called him "a disgrace not only to the GOP but to all America."')["America"] is False
    assert decided("Since 2013 he leads “America with Jorge Ramos” on Fusion.")["America"] is False
    assert (
        decided("Sharpton ate with Barack Obama there during his campaign in 2007.")["Barack Obama"] is False
    )
    assert decided("He ran the 2012 Obama campaign in Ohio.")["Obama"] is False
    assert decided("You need to bomb the Iranian nuclear facilities, she said.")["Iranian"] is False
    assert decided("It must be considered for debate in the U.K. parliament.")["U.K."] is True
    assert decided("Mexico City (AFP) – It featured drama and tension.")["Mexico City"] is False
    assert (
        decided("Ramos called for the resignation of President Enrique Pena Nieto.")["Enrique Pena Nieto"]
        is True
    )
    assert decided("President Obama, in office since 2009, signed the bill.")["Obama"] is True


def test_offices_held_in_time_to_come_the_nation_and_a_mayors_city():
    """From the readings of PolNeAR seeds 403 and 404 and BBC seed 314."""
    from analysis.article import Article

    def decided(text, published="2016-05-11"):
        article = Article.from_text(text, published=published)
        return {m.text: (m.is_government, m.government) for m in ArticleContext(article).mentions}

    assert decided("She would support the deal once she was in the White House.")["White House"][0] is False
    assert decided("The White House said on Monday it would veto the bill.")["White House"][0] is True
    assert decided("She is the nominee for president of the United States.")["United States"][0] is False
    assert decided("Democrats controlled the White House for eight years.")["White House"][0] is False
    assert decided("The Republican-controlled Senate passed the bill.")["Senate"][0] is True
    assert decided("He has inflamed America with divisive rhetoric.")["America"][0] is False
    assert decided("We will build an America where we can all rise together.")["America"][0] is False
    unified = decided(
        "He signed a communique stressing the EU commitment to securing a stable and unified Iraq."
    )
    assert unified["Iraq"][0] is True
    hhs = decided("Funds came from the U.S. Department of Health and Human Services.")
    assert hhs.get("Department of Health", (False, ""))[0] is False
    mayor = decided("London's mayor rebuffed Trump. London has proved him wrong, Khan said.")
    assert mayor["London"][0] is False
    assert decided("the presidential candidates Donald Trump and Hillary Rodham Clinton")
    assert all(not ok for ok, _ in decided("the candidates Donald Trump and Hillary Rodham Clinton").values())
    # a US state's chamber is not Congress (PolNeAR seed 405)
    assert decided("The Mississippi Senate passed the bill.")["Senate"][0] is False
    assert decided("The U.S. Senate passed the bill.").get("Senate", (True, ""))[0] is True


def test_agendas_kinds_campaign_sites_and_a_countrys_future_in_bbc_stories():
    """From the false rows left in the six BBC samples (session 26): each case with one that still counts."""
    from analysis.article import Article

    def decided(text):
        return [(m.text, m.is_government) for m in ArticleContext(Article.from_text(text)).mentions]

    agenda = decided("EU leaders missed the Lisbon targets. Lisbon is about everything and about nothing.")
    assert [ok for name, ok in agenda if name == "Lisbon"] == [False, False]
    assert ("Lisbon", True) in decided("Lisbon protested to Madrid about the fishing quotas.")
    assert ("China", False) in decided("Otherwise Britain would be overtaken by the likes of China, he said.")
    assert ("China", True) in decided("Otherwise Britain would be pressed by China, he said.")
    assert ("Iraq", False) in decided("Ministers will discuss Iraq's future after Sunday's elections.")
    assert ("NATO", True) in decided("Trump questioned the future of NATO and relations with Russia.")
    site = decided("Surfers could not visit the official re-election site of President George W Bush.")
    assert ("George W Bush", False) in site
    assert ("George W Bush", True) in decided("President George W Bush signed the bill on Monday.")
    assert ("South Korea", False) in decided("SK Telecom of South Korea plans to charge for the service.")
    assert ("Iraq", False) in decided(
        'A story claimed he "sexed up" Iraq\'s weapons of mass destruction dossier.'
    )
    assert ("Iraq", False) in decided("He denied being leant on to make the legal case for invading Iraq.")
    assert ("Bill Clinton", False) in decided(
        "He was behind Bill Clinton's sensational 1992 comeback victory."
    )
    assert ("UK", False) in decided("The data networks that connect UK cash machines were never infected.")


def test_campaign_2008_offices_to_come_and_comparisons_in_us_political_news():
    """From the reading of PolNeAR seed 406 (session 26)."""
    from analysis.article import Article

    def decided(text, published="2016-02-01"):
        article = Article.from_text(text, published=published)
        return {m.text: m.is_government for m in ArticleContext(article).mentions}

    assert (
        decided("After Obama's resounding victory in Iowa, the perception of him changed.")["Obama"] is False
    )
    assert decided("That was the night Obama won Iowa.")["Obama"] is False
    assert decided("Many crossed party lines to vote for Obama.")["Obama"] is False
    assert decided("Obama signed the bill after his victory in the Senate vote.")["Obama"] is True
    assert decided("We need her to be president of the United States.")["United States"] is False
    assert decided("Obama is the president of the United States.")["United States"] is True
    assert decided("All roads to the White House are leading through Atlantic City.")["White House"] is False
    assert decided("The party would lose the White House this fall.")["White House"] is False
    assert decided("The White House lost the vote.")["White House"] is True
    assert decided("The real estate world is more complex than the CIA.")["CIA"] is False
    assert decided("It was adopted after negotiations among diplomats in Paris.")["Paris"] is False
    assert decided("In 2011, he resigned from Congress after a scandal.")["Congress"] is False
    assert decided("No independent candidate is likely to reach the White House.")["White House"] is False
    assert decided("The White House reached a deal with Congress.")["White House"] is True
    blocked = "Republicans blocked President Obama's nomination of Merrick Garland, delaying a vote."
    assert decided(blocked, "2016-04-01")["Obama"] is True
    assert decided('He said Iraq had become a "crucible of militant terrorism".')["Iraq"] is False
    conduct = ArticleContext(Article.from_text("Iran has become more aggressive.")).mentions[0].reason
    assert "described" not in conduct  # a change of conduct, not the country described
