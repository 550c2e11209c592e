#!/usr/bin/env python3
"""Build the built-in catalogue file of D001, the 14th five-year plan of 高新区(新市区).

Writes
  core/data/catalogue/xinshi-2021-fyp.json   the document, clauses, units, programme,
                                             measures, targets, observations, parameters
  tests/coverage/xinshi-2021-fyp.json        the inventory items the file must hold

Clause texts are sliced from the seed by `slice_xinshi.py`, so they are verbatim by
construction. Everything in English below is our own wording. Every quote is checked to occur
in the text of the clause it cites (each piece, when cut with `…`).

Usage: python3 tools/catalogue/xinshi_2021_fyp.py [--check]
  --check  build in memory and compare with the files on disk (exit 1 if they differ)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from slice_xinshi import Node, cn_number, read_seed, slice_seed, walk  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "core" / "data" / "catalogue" / "xinshi-2021-fyp.json"
COVERAGE = ROOT / "tests" / "coverage" / "xinshi-2021-fyp.json"

DOC = "xinshi-2021-fyp"
PLACE = "cn-xj-urumqi-xinshi"
PROGRAMME = f"{DOC}/programme"
PERIOD = {"from": "2021-01-01", "until": "2025-12-31"}
END_13TH = "2020-12-31"
START_13TH = "2015-12-31"

# Clauses: English title and summary per local id.

CLAUSES: dict[str, tuple[str | None, str]] = {
    "preface": (
        None,
        "Introduces the outline. The 14th five-year period is the first five years of building a "
        "modern socialist country after the moderately prosperous society was completed, and a key "
        "period for the district to join the Silk Road core zone, the free-trade zone and the new "
        "round of western development. The district Party committee, management committee and "
        "district government drew up the outline; it sets out the goals, main tasks and major "
        "initiatives for the next five years, guides market actors and is the common programme of "
        "the district's people.",
    ),
    "ch1": (
        "Achievements and long-range goals",
        "Reviews the 13th five-year period, assesses the development environment and sets the "
        "long-range goals for 2035. The chapter has no text of its own before its sections.",
    ),
    "ch1/s1": (
        "Achievements",
        "Reports the results of the 13th five-year period (2016-2020): stability, ethnic unity and "
        "Party building; GDP up from 87.46 to 127.43 billion yuan (6.8 % a year, about 38 % of the "
        "city's GDP), retail sales, investment, industry, trade (estimated), services and tourism; "
        "a greener, better connected town (14 dead-end and T-junction roads opened, 24 bottlenecks fixed, sewage "
        "treatment of 90 % or more, 118 estates without property management brought under "
        "management); clusters in new materials, biomedicine (over 70 % of Xinjiang's firms) and "
        "digital industry (over 1,000 firms); 16 maker spaces, 10 incubators, 1,763 tech firms and "
        "166 high-tech enterprises; 185 airport routes to 90 cities and over 600 movements a day; "
        "higher incomes, minimum living allowances raised to 650 yuan a month in town and country, "
        "full insurance participation, 25 children's homes and 150,500 people placed in jobs.",
    ),
    "ch1/s2": (
        "Development environment",
        "Describes the setting: a turbulent world, China's shift to high-quality growth and the "
        "dual-circulation pattern, stronger central support for Xinjiang, and the region's plan for "
        "an Urumqi metropolitan area. Names three advantages of the district (its place at the "
        "airport node of the Silk Road core zone, a large population, favourable policies) and its "
        "weaknesses (weak industry, little innovation, scarce land, a business environment to "
        "improve, an infrastructure backlog, and gaps in education, health, culture and elderly "
        "care).",
    ),
    "ch1/s3": (
        "Long-range goals for 2035",
        "Looks ahead fifteen years: by 2035 the district is a Xinjiang-wide model of reform, opening "
        "and innovation with much greater economic and technological strength; new "
        "industrialisation, informatisation, urbanisation and farm modernisation and modern "
        "governance are basically achieved; it is basically a strong district in education and "
        "talent, healthy and harmonious; green ways of life, equal basic public services, narrower "
        "urban-rural gaps, lasting stability and clear progress to common prosperity.",
    ),
    "ch2": (
        "Starting the new journey towards a modern socialist country",
        "Calls the 14th five-year period the first five years of the new journey and the key five "
        "years for the district's high-quality growth, and requires it to carry out the decisions "
        "of the centre, the region and the city and to follow innovative, coordinated, green, open "
        "and shared development.",
    ),
    "ch2/s1": (
        "Guiding thought",
        "States the guiding thought: Xi Jinping Thought and the Party's strategy for governing "
        "Xinjiang in the new era; high-quality development as the theme, supply-side structural "
        "reform as the main line; focus on the general goal, the 'three major tasks' and the 'six "
        "capitals'; a modern economy joined to the dual-circulation pattern; the aim is to make the "
        "district the model place of the new-era Xinjiang.",
    ),
    "ch2/s2": (
        "Basic principles",
        "Lists seven principles: the Party's overall leadership; the Party's strategy for governing "
        "Xinjiang; putting the people at the centre; the new development philosophy; deeper reform "
        "and opening; a systems view; and working from the district's real conditions, without "
        "chasing growth rates, setting unrealistic indicators or piling up targets.",
    ),
    "ch2/s3": (
        "Development goals",
        "Sets eight qualitative goals for 2021-2025: economic strength (economy firmly in the first "
        "tier); innovation (a higher contribution of science and technology to growth); reform and "
        "opening (a breakthrough for the enclave economy, progress of the airport economic zone); "
        "urban and rural construction; social civility; ecology (full clean-energy use, lower total "
        "emissions of major pollutants); livelihood (incomes growing basically in step with the "
        "economy); and governance.",
    ),
    "ch3": (
        "Raising innovation to the core position",
        "Innovation chapter: regional strengths in science and technology, innovation parks, "
        "firms' innovation, reform of the research system, talent, and major innovation projects. "
        "The chapter has no text of its own before its sections.",
    ),
    "ch3/s1": (
        "Rebuilding the regional advantage in science and technology",
        "Holds the zone to its mission of developing high technology and industrialising it: use "
        "the pilot powers of the Urumqi-Changji-Shihezi national innovation demonstration zone, "
        "align innovation chains with industrial chains, set up key laboratories, engineering and "
        "enterprise technology centres and new R&D institutions at regional level or above, build "
        "an upgraded national mass-innovation demonstration base, and take in high-tech industry "
        "moving from central and eastern China.",
    ),
    "ch3/s2": (
        "Building first-class innovation parks",
        "Upgrades both carriers and services: specialised maker spaces and incubators, start-up "
        "camps and training, a maker-space-incubator-accelerator layout, an online enterprise "
        "service-chain platform (IP, technology transfer, high-tech cultivation, talent), offshore "
        "incubators in Shenzhen and Dalian, and R&D platforms for frontier and generic "
        "technologies.",
    ),
    "ch3/s3": (
        "Strengthening firms' capacity to innovate",
        "Makes firms the main innovators: R&D centres built in many ways, joint projects with "
        "universities and the Chinese Academy of Sciences, a four-step ladder from tech-based SMEs "
        "to high-tech enterprises, 'little giants' and innovative leaders, wider use of the extra "
        "deduction for R&D costs, and joint innovation along the industrial chain.",
    ),
    "ch3/s4": (
        "Deepening reform of the science and technology system",
        "Evaluates talent by the quality, contribution and results of innovation, attracts "
        "researchers who bring technology, and gives researchers ownership or long-term use of "
        "their service inventions so that results are easier to commercialise.",
    ),
    "ch3/s5": (
        "Fully carrying out the strategy of a talent-strong district",
        "Opens the talent strategy: policies to attract graduates to settle, a pilot talent-"
        "management reform zone, a cluster for innovative talent, flexible 'Internet+' recruitment "
        "and part-time or equity-based hiring of top talent in key industries. Four parts follow.",
    ),
    "ch3/s5/p1": (
        "Building a high-quality talent force for the parks",
        "Builds a talent hub and a demonstration zone for industrial talent. In 2021-2025 a "
        "human-resources service action runs four plans (backbone firms, leading talent, an "
        "industrial park, Internet+ HR services). By 2025 public HR services are assured, "
        "commercial ones larger, 'one park, several areas' is taking shape and a professional, "
        "digital and industrial HR service system is basically in place.",
    ),
    "ch3/s5/p2": (
        "Improving the environment for talent",
        "Improves research conditions: post-doctoral stations and engineering centres in firms; "
        "annual-salary, project-tender, expert-team and technical-post pay schemes; training of "
        "all-round high-tech talent; funding for industry-university-research transfer and for "
        "associations' forums, contests and small fairs.",
    ),
    "ch3/s5/p3": (
        "New mechanisms for recruiting, moving and managing talent",
        "Under the principle that the Party manages talent: an HR service incubation base, "
        "well-known HR firms invited to set up regional headquarters, high-end services "
        "(headhunting, outsourcing, assessment, consulting) and own brands, regular training of HR "
        "staff and online HR platforms.",
    ),
    "ch3/s5/p4": (
        "Encouraging talent exchange and cooperation",
        "Encourages firms in the parks to form lasting partnerships and firm-led alliances with "
        "universities and research institutes, with joint laboratories, R&D and engineering "
        "centres and joint training of top talent.",
    ),
    "ch3/s6": (
        "Pushing major science and technology projects",
        "Sets out the major innovation projects in six numbered parts and a seventh, unnumbered "
        "part on an upgraded mass-innovation programme. The section has no text of its own before "
        "its parts.",
    ),
    "ch3/s6/p1": (
        "Science and technology for people's livelihood",
        "Develops technology for pollution control, resource recycling and population health, "
        "epidemic-control research, and a better medical-alliance network so that residents get "
        "better care.",
    ),
    "ch3/s6/p2": (
        "Piloting the technology 'enclave economy' model",
        "Pilots technology enclaves around the district's '3+1' industries, uses the four-party "
        "aid mechanism, builds cross-regional innovation centres (offshore incubators) and "
        "regularly publishes industry, technology and talent needs for Beijing, Shanghai, Shenzhen "
        "and Chongqing.",
    ),
    "ch3/s6/p3": (
        "Building innovation capacity",
        "Builds national and regional innovation platforms and new industrial research institutes, "
        "grows innovators along the four-step ladder with one-to-one support for leading firms, and "
        "runs an IP action (risk compensation for IP-pledge loans, technology and patent insurance, "
        "IP talent, standards and brands).",
    ),
    "ch3/s6/p4": (
        "Transferring and commercialising research results",
        "Builds a technology market with transfer agencies and evaluation bodies, reforms the "
        "rights to use, dispose of and earn from results, develops demonstration bases with the "
        "Ministry of Science and Technology, Shenzhen and the Chinese Academy of Sciences, and "
        "cultivates transfer service agencies.",
    ),
    "ch3/s6/p5": (
        "Building an innovative talent force",
        "Runs a vocational-skills action with firms, private trainers and colleges; gives free "
        "vocational training to eight groups (children of poor families, poor workers, school "
        "leavers not going on, rural migrant workers, laid-off and redeployed workers, veterans, "
        "disabled people, organised transfers from southern Xinjiang); and opens up the "
        "human-resources system.",
    ),
    "ch3/s6/p6": (
        "Cooperation in science and technology",
        "Uses the aid-Xinjiang, four-party and ministry-region mechanisms at home; the SCO, Altai "
        "four-country six-party and sister-city mechanisms abroad, with research centres in Central "
        "Asia; and takes firms to fairs such as the China-Eurasia Expo, the Shenzhen Hi-Tech Fair "
        "and the Beijing Tech Expo.",
    ),
    "ch3/s6/p7": (
        "Upgrading mass entrepreneurship and innovation",
        "An unnumbered seventh part: moves incubators towards specialisation, ecosystems and "
        "markets, upgrades incubators and the national demonstration base, and builds a "
        "maker-space-incubator-accelerator-industrial-park chain serving a small firm's whole life "
        "cycle.",
    ),
    "ch4": (
        "Strengthening the industrial base and upgrading industry",
        "Puts the real economy first: programmes to grow emerging industries (biomedicine and "
        "health, new-generation IT, new materials), upgrade traditional ones (petrochemicals) and "
        "lay out future ones (bio-based, hydrogen, aluminium- and carbon-based materials). During "
        "2021-2025 industry improves, IT and industry integrate and the energy-saving and "
        "emission-reduction tasks are fully completed.",
    ),
    "ch4/s1": (
        "Industrial clusters",
        "Builds four clusters: new materials (leading firms, incubation, national technology "
        "centres); biomedicine and health (revived parks, supply-chain demonstration firms, "
        "brands); new-generation IT (an information-security base, district-wide 5G coverage); and "
        "advanced equipment (smart farm machinery, new-energy mining trucks), moving manufacturing "
        "towards services and the high end of the chain.",
    ),
    "ch4/s2": (
        "Industrial layout and parks",
        "Sets the 'three axes, three zones' layout (Beijing North Road, Changchun North Road and "
        "Dongzhan Road axes; airport industrial parks A, B and C), clears idle land, builds "
        "enclave-economy cooperation, and develops featured parks (gold industry park, science "
        "valley, small and micro park) that merge with the town.",
    ),
    "ch4/s3": (
        "Deepening the integration of IT and industry",
        "Promotes smart manufacturing (smart factories, digital workshops, wider smart retrofits of "
        "above-scale firms), the industrial internet and industry clouds, and cloud, network and "
        "terminal infrastructure, with full broadband wireless and 5G coverage of manufacturing "
        "clusters by 2025.",
    ),
    "ch4/s4": (
        "Developing the digital economy",
        "Digitises industry and grows digital industry: industrial internet, digital farming and "
        "traceability, firms moving to the cloud, software and information services, cross-border "
        "e-commerce, digital society and government, a smart city and network security.",
    ),
    "ch5": (
        "High-quality development of services",
        "Develops producer services (headquarters, finance, design, logistics, e-commerce, testing "
        "and certification) and consumer services (culture and tourism, health, elderly care, "
        "childcare, hotels and catering, sport, housekeeping, property) side by side.",
    ),
    "ch5/s1": (
        "Upgrading traditional services",
        "Upgrades consumer services and the stay-at-home economy, lays out trade and distribution "
        "around the grid-shaped business zone of Henan, Hebei, Changchun and Siping roads and the "
        "old and new commercial centres, and aims for a basically completed trade and distribution "
        "centre by 2025 with market monitoring, credit and traceability systems.",
    ),
    "ch5/s2": (
        "Laying out commercial districts",
        "Builds a system of commercial streets, a city-level centre in the northern new area and an "
        "upgraded railway-bureau district, community commerce (an Internet+ community platform, "
        "convenience vegetable and meat outlets, wider coverage), a small-shop action premised on "
        "doubling commodity circulation, and night markets with 24-hour stores.",
    ),
    "ch5/s3": (
        "Modern services",
        "Develops eleven modern services: finance (a family of government guidance, district "
        "mother and sub-funds), headquarters, e-commerce, airport-based logistics, big data and "
        "cloud, technology services, elderly care and housekeeping, health, childcare, community "
        "services and other new services.",
    ),
    "ch5/s4": (
        "Merging traditional and modern services",
        "Joins online and offline services (internet hospitals, virtual elderly homes, online "
        "courses), then five lines: new business formats, online-offline retail models, quality "
        "consumption, upgraded logistics parks and more high-quality goods and imports.",
    ),
    "ch5/s5": (
        "Tourism",
        "Supports culture and tourism firms and rural routes; builds a Liyushan leisure cluster on "
        "horse culture, an industry and technology tourism line (gold, jade, factory visits) and "
        "the Anningqu culture-tourism town cluster; develops local souvenirs.",
    ),
    "ch5/s6": (
        "Real estate",
        "Holds that houses are for living in, not for speculation; renews central areas, raises "
        "the share of business and commercial property (offices, tourism, creative and "
        "headquarters property) and makes property management more market-based.",
    ),
    "ch6": (
        "Opening up the economy",
        "Opening chapter: the Silk Road core zone, domestic demand, wider opening and investment "
        "promotion. The chapter has no text of its own before its sections.",
    ),
    "ch6/s1": (
        "Joining the Silk Road Economic Belt core zone",
        "Joins the 'five centres', builds transport and logistics hubs, develops the Urumqi "
        "airport economic demonstration zone with 45 kinds of priority industry and customs "
        "facilitation, applies free-trade-zone experience, and builds industrial enclave parks with "
        "Changji, Wuzhundong, Midong and Ganquanbao while putting idle land back to use.",
    ),
    "ch6/s2": (
        "Expanding domestic demand",
        "Combines supply-side and demand-side reform: better supply; effective investment (PPP, "
        "REITs, the airport hub, a district people's hospital and a district hospital of "
        "traditional medicine, self-built housing renovation, rural infrastructure); and joining "
        "the domestic and international circulations (export-to-domestic platforms, exports, "
        "imports, service outsourcing).",
    ),
    "ch6/s3": (
        "Raising the level of opening",
        "Cooperates with Central Asia, Russia and the EU and with developed regions at home; "
        "builds cooperation bases with Kyrgyzstan and Kazakhstan, a cross-border e-commerce "
        "platform and the self-innovation zone with Shenzhen and Zhongguancun; attracts projects "
        "and talent at major fairs.",
    ),
    "ch6/s4": (
        "Better investment promotion",
        "Targets the world's and China's top 500 firms, central state firms, leading private firms "
        "and famous brands for large, tax-rich projects while also bringing in linked small and "
        "medium projects, moving from quantity to quality.",
    ),
    "ch7": (
        "Deepening reform",
        "Lets the market decide the allocation of resources while the government plays its part "
        "better, removing institutional obstacles.",
    ),
    "ch7/s1": (
        "Invigorating market players",
        "Runs the three-year action to reform state-owned enterprises, applies relief policies for "
        "SMEs, sets up a financing service platform and public services for firms, supports "
        "high-growth private firms and protects their property rights.",
    ),
    "ch7/s2": (
        "Financial and fiscal reform",
        "Attracts financial legal entities and bank branches, explores a regional financial-asset "
        "exchange, raises the share of direct financing, guards against systemic financial risk, "
        "reforms budgets and performance management, divides fiscal powers and spending duties, "
        "cuts taxes and fees and manages government debt.",
    ),
    "ch7/s3": (
        "The private economy",
        "Supports the non-public economy: a programme for outstanding private firms, a guidance "
        "fund for the non-public economy, cordial and clean relations with government, removal of "
        "barriers, a role in state-enterprise reform and major projects, and easier financing.",
    ),
    "ch7/s4": (
        "The business environment",
        "Deepens the streamlining reform: lists of government powers, 'at most one visit', fully "
        "online services (at once, online, nearby, in one go), fair-competition review, licence "
        "lists, joint random inspections with published results, a public information and "
        "complaint platform, and better community facilities.",
    ),
    "ch8": (
        "Coordinated regional development",
        "Joins the Urumqi metropolitan area: a better spatial layout and city functions, a "
        "three-year programme to renovate self-built housing, cleaning, greening, beautifying and "
        "lighting, and more infrastructure.",
    ),
    "ch8/s1": (
        "A new pattern of land and space development",
        "Sets the spatial pattern in five parts: the overall layout with the old town, the "
        "industrial parks, the new town, the beautiful villages and the district's showcases. The "
        "section has no text of its own before its parts.",
    ),
    "ch8/s1/p1": (
        "Optimising the spatial layout",
        "Forms a central activity zone, a headquarters zone and the airport parks, and develops "
        "'two axes and six areas' (the Beijing Road and Changchun Road axes; only five areas are "
        "named). The unnumbered old-town paragraph that follows renews the old town: self-built "
        "housing renovation, dead-end roads opened, slow-traffic routes, more schools, hospitals, "
        "parking and green space.",
    ),
    "ch8/s1/p2": (
        "Industrial parks",
        "Gives each airport park a role: park C upgrades firms and clears zombie firms; park B "
        "takes advanced manufacturing, new materials and biomedicine with a service core; park A "
        "hosts airport-economy headquarters, business and logistics.",
    ),
    "ch8/s1/p3": (
        "New town",
        "Builds the northern new town (Anningqu town) as an eco-city serving the airport "
        "industries, a complex for tourism, gold trade and leisure, and an education town north of "
        "Changchun Road.",
    ),
    "ch8/s1/p4": (
        "Beautiful villages",
        "Uses the ecology, ethnic features and airport location of the one town and two townships "
        "to make them the district's green backyard and Urumqi's best place for rural leisure.",
    ),
    "ch8/s1/p5": (
        "District showcases",
        "Beautifies the town year by year and raises the standard of the Innovation Square fintech "
        "centre, the railway-bureau business district and the Changchunyuan headquarters area.",
    ),
    "ch8/s2": (
        "A modern, international urban area",
        "Builds underground and surface networks, utility tunnels, charging points, a smart town "
        "and 5G, denser bus routes, opened dead-end roads and three slow-traffic systems; and green "
        "corridors in a 'one core, two axes, one corridor, six belts, many points' layout with the "
        "S114 ecological corridor.",
    ),
    "ch8/s3": (
        "New-type urbanisation",
        "Renews the town: the urban-rural fringe (Anningqu town, Diwopu township), old villages, "
        "self-built housing and old estates, urban villages; a sponge and resilient city, flood "
        "control, heritage and risk control.",
    ),
    "ch8/s4": (
        "Rural revitalisation",
        "Revitalises the countryside: less grain and nursery stock, more vegetables, fruit, "
        "livestock and specialties; farmland protection with full high-standard farmland by 2025; "
        "a five-year living-environment action (sanitary toilets and hardened lanes everywhere, a "
        "marked improvement by 2025); fibre to every village; rural reform with the district supply "
        "and marketing cooperative; village self-government ('four discussions, two "
        "disclosures'); rural schools, clinics and allowances with a narrower urban-rural income "
        "gap; and leisure farming within half an hour of the city.",
    ),
    "ch8/s5": (
        "The Anningqu featured town",
        "Completes phases two and three of the Anningqu culture-tourism town, attracts artists, "
        "adds an arts street, a sports park and a digital-media incubator, an intangible-heritage "
        "workshop, eco-farming tourism, cycling routes and a direct bus route.",
    ),
    "ch9": (
        "Enriching Xinjiang through culture",
        "Led by core socialist values: forge the sense of the Chinese national community, sinicise "
        "Islam in Xinjiang, and develop cultural services and industries.",
    ),
    "ch9/s1": (
        "Forging the sense of the Chinese national community",
        "Makes the sense of one Chinese nation the main line of ethnic work: research and publicity "
        "on shared history, education of cadres, youth and society, ethnic-unity activities and "
        "embedded model communities.",
    ),
    "ch9/s2": (
        "Carrying out the culture programme",
        "Runs reading, broadcasting and online-content programmes, brings Chinese cultural symbols "
        "into cultural venues and scenic sites, protects heritage through the national history and "
        "red memory projects, and strengthens moral and political education in schools.",
    ),
    "ch9/s3": (
        "Religious harmony",
        "Manages religion under law: protect the legal, stop the illegal, contain extremism; train "
        "patriotic clergy; sinicise Islamic doctrine; protect lawful activities; fight extremism. "
        "The table of contents words the heading differently (促进宗教和谐和睦).",
    ),
    "ch9/s4": (
        "Social civility",
        "Raises civic standards: theory research, core values and patriotic education, civic "
        "morality, online civility, a volunteer-service system, integrity, thrift and family "
        "values.",
    ),
    "ch9/s5": (
        "Public cultural services",
        "Supports literature and the arts, all-media communication and the county media centre, a "
        "three-level cultural network (district; management committee, township or sub-district; "
        "community or village), digital broadcasting to every village and household, heritage, "
        "public sports facilities and national games.",
    ),
    "ch9/s6": (
        "Modern cultural industries",
        "Develops digital culture and 'culture plus', cultural parks and firms, and culture-tourism "
        "sites, bases, Silk Road routes and shows.",
    ),
    "ch10": (
        "Building a beautiful district",
        "Treats clear waters, green mountains, ice and snow as assets and seeks blue skies, green "
        "land and clean water through sustainable development.",
    ),
    "ch10/s1": (
        "Green, low-carbon and circular development",
        "Runs the national water-saving action and dual control of energy use, removes backward "
        "capacity, pilots circular-economy parks, recycles waste and sorts rubbish, and enforces "
        "environmental impact and energy assessments.",
    ),
    "ch10/s2": (
        "Ecological institutions",
        "Bans 'three-high' projects, manages entry by an environmental negative list and the three "
        "red lines, cleans up scattered polluting firms and dust, converts gas boilers to low-NOx "
        "burning, and raises the harmless treatment rate of household waste.",
    ),
    "ch10/s3": (
        "Ecological protection and restoration",
        "Protects the wetlands of Liushihu township and elsewhere without loss of area, builds a "
        "park system, applies ecological red lines and urban green lines and the river and lake "
        "chief system.",
    ),
    "ch10/s4": (
        "Using resources efficiently",
        "Saves water (water-saving farming and town, sewage and reclaimed-water plants, higher "
        "sewage collection and reuse rates, far lower pipe leakage) and improves energy efficiency "
        "and recycling.",
    ),
    "ch11": (
        "Improving people's quality of life",
        "Spends 70 % or more of district fiscal expenditure on people's livelihood and builds the "
        "basic public-service system.",
    ),
    "ch11/s1": (
        "High-quality employment",
        "Puts jobs first: lifelong skills training, flexible work, entrepreneurship that creates "
        "jobs, programmes for graduates, an HR market and a public employment platform, help for "
        "people who find work hard to get, clearing zero-employment households within 24 hours, "
        "and unemployment early warning.",
    ),
    "ch11/s2": (
        "High-quality education",
        "Builds and expands schools and kindergartens to basically remove oversized classes and "
        "gradually large schools, invites well-known schools, opens a district vocational centre, "
        "runs the 'ten-hundred-thousand' teacher programme and national-language teaching, and aims "
        "for education among the best in Xinjiang.",
    ),
    "ch11/s3": (
        "A healthy district",
        "Reforms disease control, builds a new district people's hospital and equips the "
        "district CDC building, combines medical and elderly care, keeps free health check-ups for "
        "all, supports births and inclusive childcare, private hospitals, '5+3' and '3+2' "
        "health-worker training and fitness for all.",
    ),
    "ch11/s4": (
        "Basic public-service guarantees",
        "Applies the urban and rural minimum living allowance and support for the extremely poor, "
        "temporary assistance, public rental housing, an elderly-care system with more health-care "
        "beds, community 'one office, one room, four centres' and village '5+2' facilities, medical "
        "assistance, and full medical-insurance participation by the end of 2025.",
    ),
    "ch11/s5": (
        "Income distribution",
        "Reforms distribution by factors of production, protects workers (equal pay, wage "
        "guidance, normal wage growth and payment guarantees, labour and collective contracts), "
        "raises incomes and curbs high and illegal incomes.",
    ),
    "ch11/s6": (
        "Balanced population",
        "Raises the share of highly educated residents, applies the two-child policy and family "
        "planning rewards, serves the floating population, and carries out Urumqi's 14th five-year "
        "plan for women and children.",
    ),
    "ch11/s7": (
        "Youth first",
        "Carries out the youth development plans through the youth-work joint meeting: the Party "
        "leads, the government is responsible and the Youth League coordinates; runs projects for "
        "young people's jobs, start-ups, integration, marriage, elder care and children's "
        "schooling.",
    ),
    "ch12": (
        "Laying the foundations of lasting stability",
        "Applies the holistic view of national security with systematic, law-based, comprehensive "
        "and source governance. The table of contents misnumbers this chapter as 第十.",
    ),
    "ch12/s1": (
        "A district under the rule of law",
        "Builds rule of law: legislation in key fields, lawful administration, fair enforcement and "
        "the eighth five-year legal-awareness campaign centred on the Constitution and the Civil "
        "Code.",
    ),
    "ch12/s2": (
        "Social governance",
        "Moves governance down to communities (work teams and first secretaries sent to "
        "communities and villages), applies the Fengqiao experience, links petition mediation with "
        "people's, administrative and judicial mediation, and secures the economic, financial, "
        "food, energy, ecological and infrastructure fields.",
    ),
    "ch13": (
        "Strengthening the Party's overall leadership",
        "Makes the Party's overall leadership run through the whole plan and rallies every "
        "positive force to reach its goals.",
    ),
    "ch13/s1": (
        "Party leadership",
        "Party organisations at every level lead the plan's implementation; the Party committee "
        "takes charge of the whole and coordinates all sides; leading bodies and cadres are built "
        "up.",
    ),
    "ch13/s2": (
        "Coordinating the plans",
        "Sets the plan hierarchy: this outline leads, the land and space plan is the basis and "
        "special plans support them; every department draws up its special plan with concrete "
        "targets and measures.",
    ),
    "ch13/s3": (
        "Mechanisms to carry out the plan",
        "Requires coordinated policies and monitoring, yearly concrete measures by the departments "
        "concerned, supporting policies and backing for major projects.",
    ),
    "ch13/s4": (
        "Monitoring and evaluating the plan",
        "Makes targets someone's responsibility: tasks go to departments and into their "
        "assessment; the district development and reform commission tracks implementation with the "
        "departments concerned and reports to the Party committee and the management committee "
        "(district government); the management committee runs the mid-term evaluation and sends "
        "the report to the standing committee of the district people's congress, whose approval "
        "any revision or adjustment of the plan needs.",
    ),
    "appendix": (
        "Appendix: abbreviations",
        "Explains fifteen abbreviations and labels; most of them are not used in the body of the "
        "plan.",
    ),
    "appendix/1": (
        "Eight early-warning mechanisms",
        "Eight epidemic early-warning mechanisms: fever clinics, routine monitoring of the "
        "environment in key areas, disinfection, cold-chain food and parcels, transport workers "
        "and goods, nucleic-acid testing of key groups, no gatherings, and use of the health code.",
    ),
    "appendix/2": ("Four earlies", "Early detection, early reporting, early isolation, early treatment."),
    "appendix/3": (
        "Three tough battles",
        "Preventing and defusing major risks, targeted poverty relief, pollution control.",
    ),
    "appendix/4": (
        "Nine projects for the people",
        "Jobs, social security, medical-insurance pooling, basic education, culture, housing, "
        "digital convenience, safe drinking water and migrant workers' rights.",
    ),
    "appendix/5": (
        "Urumqi's two ports and one centre; the five centres",
        "The two ports are the Urumqi international land port area and the airport economic "
        "demonstration zone; the one centre is the international textile and garment trade centre; "
        "the five centres are a transport hub and centres for trade and logistics, culture, "
        "science and education, medical services and regional finance.",
    ),
    "appendix/6": (
        "Five strengthenings",
        "City appearance, municipal facilities, old-estate renovation, renovation of self-built "
        "housing areas and urban safety risks.",
    ),
    "appendix/7": ("The two 'isations'", "Informatisation and industrialisation."),
    "appendix/8": (
        "Three bases",
        "Bases for vegetable supply, cattle and sheep farming, and dairy products.",
    ),
    "appendix/9": (
        "Two platforms and six systems",
        "An online single-window platform and an offline integrated park platform; systems for "
        "information sharing, finance, smart logistics, e-commerce credit, risk control and "
        "statistics and testing.",
    ),
    "appendix/10": (
        "Four unifications",
        "One approval process, one information and data platform, one approval management system "
        "and one way of supervision.",
    ),
    "appendix/11": ("Three highs", "High pollution, high energy use, high emissions."),
    "appendix/12": (
        "Two allowances for disabled people",
        "A living allowance for disabled people in hardship and a care allowance for the severely "
        "disabled.",
    ),
    "appendix/13": (
        "Four things not removed",
        "When a place leaves poverty, responsibility, help, policies and supervision stay.",
    ),
    "appendix/14": (
        "The Fengqiao experience",
        "Small matters are settled in the village and big ones in the town, disputes are not "
        "passed upwards but resolved on the spot; also help for released prisoners and a new way "
        "of managing migrant workers.",
    ),
    "appendix/15": (
        "Enclave economy",
        "Regional cooperation across administrative boundaries, mainly through development zones: "
        "areas jointly build industrial parks in a chosen place, with shared planning, "
        "construction, management and division of benefits.",
    ),
}

# Measure summaries where the section's own summary describes structure, not content.
MEASURE_SUMMARIES = {
    "ch3/s6": "Runs seven innovation projects: technology for livelihood, technology enclaves "
    "around the '3+1' industries, innovation capacity (platforms, new R&D institutes, the "
    "four-step enterprise ladder, IP), transfer of research results, an innovative talent force "
    "(free vocational training for eight groups), science and technology cooperation, and an "
    "upgraded mass-innovation incubation chain.",
    "ch8/s1": "Sets the spatial pattern: 'two axes and six areas' around a central activity zone "
    "and headquarters zone, old-town renewal, roles for airport parks A, B and C, the northern new "
    "town with an education town, the beautiful villages of the one town and two townships, and "
    "yearly showcase projects.",
    "ch3/s5": "Attracts and keeps talent: graduate settlement, a talent-management reform pilot, "
    "flexible Internet+ recruitment, a human-resources service action with four plans and a "
    "professional HR service system by 2025, better research conditions and pay schemes, an HR "
    "service incubation base, and firm-university alliances.",
}

# Units

UNITS = [
    {
        "id": "xinshi-party-committee",
        "name": {"zh": "区委", "en": "District Party Committee"},
        "kind": "party_committee",
        "clause": "ch13/s4",
        "quote": "定期向区委、管委会(区政府)报告",
        "reading": "Named in the preface as one of the three drafters of the outline (区委、管委会、区政府) "
        "and in 第十三章第四节 as a recipient of the monitoring reports.",
        "inventory": "区委",
    },
    {
        "id": "xinshi-government",
        "name": {"zh": "管委会(区政府)", "en": "Management Committee of the High-tech Zone (District Government)"},
        "kind": "government",
        "clause": "ch13/s4",
        "quote": "由管委会(区政府)组织开展全面评估",
        "reading": "The plan writes 管委会(区政府) as one body: the management committee of the national "
        "high-tech zone and the Xinshi district government are one administration. The preface lists "
        "管委会 and 区政府 separately among the drafters; both are this unit. It runs the mid-term "
        "evaluation and proposes adjustments of the plan.",
        "inventory": "管委会(区政府)",
    },
    {
        "id": "xinshi-development-reform",
        "name": {"zh": "区发展和改革委员会", "en": "District Development and Reform Commission"},
        "kind": "department",
        "clause": "ch13/s4",
        "quote": "区发展和改革委员会牵头,会同有关部门及时跟踪规划实施情况",
        "inventory": "区发展和改革委员会",
    },
    {
        "id": "xinshi-congress-standing-committee",
        "name": {"zh": "区人民代表大会常务委员会", "en": "Standing Committee of the District People's Congress"},
        "kind": "other",
        "clause": "ch13/s4",
        "quote": "需要本规划修订时,须报区人民代表大会常务委员会批准",
        "reading": "UnitKind has no kind for a people's congress or its standing committee (an organ of "
        "state power, neither a government nor a people's organisation), so 'other' is used. It "
        "reviews the mid-term evaluation and approves any revision or adjustment of the plan. The "
        "plan itself was adopted by the district people's congress (新市区第十四届人民代表大会第六次会议, "
        "2021-01-23).",
        "inventory": "区人民代表大会常务委员会",
    },
    {
        "id": "xinshi-departments",
        "name": {"zh": "各部门", "en": "All district departments"},
        "kind": "collective",
        "clause": "ch13/s2",
        "quote": "各部门按照本规划确定的发展目标、发展重点及重大项目布局,组织编制相应的专项规划",
        "reading": "A collective label. The plan also writes 各有关部门 (第十三章第三节: yearly measures) and "
        "有关部门 (第十三章第四节: monitoring with the development and reform commission); all are read "
        "as this unit, since the plan names no department other than the commission.",
        "inventory": "各部门 / 各有关部门",
    },
    {
        "id": "xinshi-party-organisations",
        "name": {"zh": "各级党组织", "en": "Party organisations at every level"},
        "kind": "collective",
        "clause": "ch13/s1",
        "quote": "坚持和加强各级党组织对规划实施工作的全面领导",
        "inventory": "各级党组织",
    },
    {
        "id": "xinshi-supply-marketing-cooperative",
        "name": {"zh": "区供销合作社联合社", "en": "District Federation of Supply and Marketing Cooperatives"},
        "kind": "other",
        "clause": "ch8/s4",
        "quote": "由区供销合作社联合社社有企业为依托",
        "reading": "A cooperative economic organisation; its enterprises carry the rural supply and "
        "marketing system (land transfer, pooling rural resources). None of the listed people's "
        "organisations fits, so 'other' is used.",
        "inventory": "区供销合作社联合社",
    },
    {
        "id": "xinshi-youth-league",
        "name": {"zh": "共青团", "en": "Communist Youth League"},
        "kind": "people_organisation",
        "clause": "ch11/s7",
        "quote": "构建“党委领导、政府主责、共青团协调”各方齐抓共管的青年事务机制",
        "reading": "The plan writes only 共青团; read as the district's Youth League committee, which "
        "coordinates youth affairs.",
        "inventory": "共青团",
    },
    {
        "id": "xinshi-youth-work-joint-meeting",
        "name": {"zh": "青年工作联席会议", "en": "Youth-work joint meeting"},
        "kind": "leading_group",
        "clause": "ch11/s7",
        "quote": "依托青年工作联席会议机制",
        "inventory": "青年工作联席会议",
    },
]

# Measures: lead and co-units where the plan names them for a section.
MEASURE_UNITS = {
    "ch8/s4": {"co_units": ["xinshi-supply-marketing-cooperative"]},
    "ch11/s7": {"lead_units": ["xinshi-youth-work-joint-meeting"], "co_units": ["xinshi-youth-league"]},
    "ch13/s1": {"lead_units": ["xinshi-party-organisations"]},
    "ch13/s2": {"lead_units": ["xinshi-departments"]},
    "ch13/s3": {"lead_units": ["xinshi-departments"]},
    "ch13/s4": {
        "lead_units": ["xinshi-development-reform", "xinshi-government", "xinshi-congress-standing-committee"],
        "co_units": ["xinshi-departments"],
    },
}

MEASURE_READINGS = {
    "ch2/s1": "「三件大事」 and 「六个首府」 are used as labels without being defined in the plan or its "
    "appendix.",
    "ch3/s6": "The section has six numbered parts (一)-(六) and a seventh heading without a number, "
    "「实施打造“双创”升级版工程」; it is encoded as part p7. 「“3+1”产业」 in part (二) is not defined in "
    "the plan.",
    "ch8/s1": "「两轴六片区」 announces six areas but names only five (鲤鱼山, 创新广场, 高新万达, 人才大厦, "
    "杉杉奥特莱斯); the declared count and the named members are kept as written. The old-town "
    "paragraph (老城区:) has no number; it stands after part (一) and is kept in it.",
    "ch8/s4": "The supply and marketing cooperative is named as the carrier of the rural supply and "
    "marketing system, one of several lines of the section; it is recorded as a co-unit.",
    "ch9/s3": "The table of contents has 促进宗教和谐和睦; the body heading 促进宗教和睦和谐 is used.",
    "ch10/s2": "「三高」 is explained in the appendix (entry 11) as high pollution, high energy use and "
    "high emissions. The plan does not say whether one of the three is enough to bar a project or "
    "all three are needed, nor does it give thresholds; we read any one of them as enough, since "
    "the ban aims at each harm.",
    "ch11/s2": "「“十百千”教育人才培养工程」 is named but not defined in the plan.",
    "ch11/s4": "「一办一室四中心」 and the village 「“5+2”工程」 are named as standards but not defined in "
    "the plan.",
    "ch11/s6": "「贯彻实施两孩政策」 reflects national policy when the plan was adopted (2021-01-23); "
    "national policy moved to three children later in 2021. The measure is kept as written; a "
    "policy parameter like this should be versioned by date.",
    "ch11/s7": "Youth affairs: the Party committee leads, the government is responsible and the Youth "
    "League coordinates, through the youth-work joint meeting; the joint meeting is recorded as the "
    "lead and the Youth League as co-unit.",
    "ch12/s1": "The chapter is numbered 第十二章 in the body; the table of contents misnumbers it 第十.",
    "ch13/s4": "The development and reform commission leads monitoring; the management committee "
    "(district government) runs the mid-term evaluation and proposes adjustments; the standing "
    "committee of the district people's congress reviews the evaluation and approves revisions and "
    "adjustments. All three are lead units, as in the programme, because the model has no field for "
    "the role each plays; the departments take part and are assessed.",
}

# Targets

DEADLINE_2025 = "2025-12-31"


def target(tid, inventory, zh, en, unit, comparator, clause, quote, value=None, deadline=None,
           period=None, strength=None, baseline=None, reading=None, measure=True):
    return dict(tid=tid, inventory=inventory, zh=zh, en=en, unit=unit, comparator=comparator,
                clause=clause, quote=quote, value=value, deadline=deadline, period=period,
                strength=strength, baseline=baseline, reading=reading, measure=measure)


TARGETS = [
    target("t01", "T-001-01", "区财政支出用于保障改善民生的比重",
           "Share of district fiscal expenditure spent on securing and improving livelihood",
           "%", "at_least", "ch11", "把区财政支出的70%以上用于保障改善民生", value="70", period=PERIOD,
           reading="以上 includes 70 (Civil Code art 1259). Read as a share to hold in each year of "
           "2021-2025. The plan does not define which spending counts as livelihood spending "
           "(inventory Q34); the functional classification is left open."),
    target("t02", "T-001-02", "零就业家庭动态清零时限",
           "Time to clear a zero-employment household (one member placed in work)",
           "hours", "at_most", "ch11/s1", "实现零就业家庭24小时动态清零", value="24", period=PERIOD,
           reading="Read as a limit per case: a household found with no member in work gets one "
           "member into a job within 24 hours (动态清零, cleared continuously). The text has no "
           "boundary word; a time limit is read as a maximum, 24 hours included."),
    target("t03", "T-001-03", "辖区医疗保险参保率", "Medical-insurance participation rate in the district",
           "%", "equal", "ch11/s4", "“十四五”末,辖区医疗保险参保率达100%", value="100",
           deadline=DEADLINE_2025, baseline={"value": "100", "date": END_13TH},
           reading="“十四五”末 (end of the 14th five-year period) is read as 2025-12-31. The baseline is "
           "the 13th five-year result 「群众参保率达到100%」 (observation o35; the inventory's "
           "reference to O-001-25 is a slip for O-001-35). That figure is the participation rate in "
           "insurance in general, not only medical insurance; it is used as the baseline as the "
           "inventory proposes, so the target is to hold full participation."),
    target("t04", "T-001-04", "制造业集聚区宽带无线网络和5G通信网络覆盖率",
           "Broadband wireless and 5G coverage of manufacturing clusters",
           "%", "equal", "ch4/s3", "到2025年实现制造业集聚区宽带无线网络和5G通信网络全覆盖", value="100",
           deadline=DEADLINE_2025,
           reading="全覆盖 (full coverage) is 100 %; 到2025年 is read as by 2025-12-31. Both networks must "
           "cover every manufacturing cluster."),
    target("t05", "T-001-05", "5G网络区域覆盖率", "District-wide 5G network coverage",
           "%", "equal", "ch4/s1", "推动5G网络区域全覆盖", value="100", period=PERIOD,
           reading="The text gives no date; read as a goal for the plan period 2021-2025."),
    target("t06", "T-001-06", "高标准农田覆盖率", "Share of farmland built to the high standard",
           "%", "equal", "ch8/s4", "实施区域规模化高标准农田建设,到2025年实现高标准农田全覆盖", value="100",
           deadline=DEADLINE_2025, reading="全覆盖 is 100 % of farmland; 到2025年 read as by 2025-12-31."),
    target("t07", "T-001-07", "无害化卫生厕所和“户户通”背街小巷硬化覆盖率",
           "Coverage of sanitary toilets and of hardened back lanes to every rural household",
           "%", "equal", "ch8/s4",
           "启动实施农村人居环境整治提升五年行动…实现无害化卫生厕所和“户户通”背街小巷硬化全覆盖", value="100",
           period=PERIOD,
           reading="Two facilities in one goal; both must reach every rural household. The five-year "
           "rural living-environment action is not dated; read as running over the plan period."),
    target("t08", "T-001-08", "乡村光纤覆盖率", "Share of villages with optical fibre",
           "%", "equal", "ch8/s4", "实施“村村通光纤”工程,实现所有乡村光纤全覆盖", value="100", period=PERIOD,
           reading="No date is given; read as a goal for the plan period."),
    target("t09", "T-001-09", "清洁能源使用覆盖率", "Coverage of clean-energy use",
           "%", "equal", "ch2/s3", "清洁能源使用实现全覆盖", value="100", period=PERIOD,
           reading="One of the eight development goals for 2021-2025; the plan does not define the "
           "denominator (households, heating, industry)."),
    target("t10", "T-001-10", "商品流通规模", "Scale of commodity circulation",
           "%", "increase_by", "ch5/s2", "在商品流通规模翻番的基础上", value="100", period=PERIOD,
           reading="翻番 (doubling) is read as growth of 100 %. The plan writes it as the premise of the "
           "small-shop action (「在…的基础上」, on the basis of), not as a stated goal, and gives "
           "neither a base year nor a measure of scale (inventory Q33); the base is read as the "
           "2020 level and the doubling as due within the plan period."),
    target("t11", "T-001-11", "义务教育阶段大班额", "Oversized classes in compulsory education",
           "count", "equal", "ch11/s2", "基本消除义务教育阶段大班额", value="0", period=PERIOD,
           strength="basically",
           reading="基本消除 (basically eliminate) is read as the number of oversized classes falling "
           "to zero, worded 'basically'. The class size that counts as oversized is not given in the "
           "plan. The second half of the sentence, large schools, is target t11b."),
    target("t11b", "T-001-11 (大规模学校)", "大规模学校", "Oversized schools",
           "count", "equal", "ch11/s2", "逐步消除大规模学校", value="0", period=PERIOD, strength="gradually",
           reading="Split from T-001-11, whose quote covers both halves. 逐步消除 (gradually "
           "eliminate): zero large schools, reached step by step; the size threshold is not given."),
    target("t12", "T-001-12", "专业化、信息化、产业化的人力资源服务体系",
           "A professional, digital and industrialised human-resources service system",
           "boolean", "achieve", "ch3/s5/p1",
           "到2025年,新区人力资源服务业实现公共服务有效保障…基本建立专业化、信息化、产业化的人力资源服务体系",
           deadline=DEADLINE_2025, strength="basically",
           reading="A status to reach by 2025-12-31, worded 基本建立 (basically established); the "
           "sentence also expects 'one park, several areas' to take shape gradually."),
    target("t13", "T-001-13", "商贸流通业中心", "Trade and distribution centre",
           "boolean", "achieve", "ch5/s1", "到2025年,消费扩容提质取得显著效果,商贸流通业中心基本建成",
           deadline=DEADLINE_2025, strength="basically",
           reading="基本建成 (basically completed) by 2025-12-31."),
    target("t14", "T-001-14", "农村人居环境明显改善", "Rural living environment markedly improved",
           "boolean", "achieve", "ch8/s4", "到2025年农村人居环境明显改善", deadline=DEADLINE_2025,
           reading="A qualitative status; the plan gives no measure of 'marked improvement'."),
    target("t15", "T-001-15", "自建房三年改造行动", "Three-year renovation of self-built housing",
           "boolean", "achieve", "ch8", "实施自建房三年改造行动", period=PERIOD, measure=False,
           reading="The plan does not say when the three years start; the action is read as "
           "completed within the plan period. It is named again in 第八章第一节 (自建房三年改造) "
           "and 第六章第二节 (自建房改造)."),
    target("t16", "T-001-16", "国有企业改革三年行动", "Three-year action to reform state-owned enterprises",
           "boolean", "achieve", "ch7/s1", "实施国有企业改革三年行动", period=PERIOD,
           reading="The plan gives no dates. The national three-year action ran 2020-2022; the "
           "district's part is read as completed within the plan period."),
]

DIRECTIONAL_READING = ("A directional goal with no number; the plan has no indicator table "
                       "(inventory Q30). Read over the plan period 2021-2025.")

DIRECTIONAL = [
    target("td01", "4.2 D001 经济总量稳居第一方阵", "经济总量稳居第一方阵",
           "Economy stays firmly in the first tier", "boolean", "achieve", "ch2/s3", "经济总量稳居第一方阵",
           period=PERIOD,
           reading=DIRECTIONAL_READING + " The peer group of the 'first tier' is not named: it may be "
           "Urumqi's districts (the review says the district holds a third of the city's economy) or "
           "Xinjiang's county-level economies (the next words, 高质量发展走在全疆前列, compare with the "
           "whole region); read as the latter, and left as a status."),
    target("td02", "4.2 D001 居民收入增长和经济增长基本同步", "居民收入增长和经济增长基本同步",
           "Residents' income growth basically in step with economic growth", "boolean", "achieve",
           "ch2/s3", "居民收入增长和经济增长基本同步", period=PERIOD, strength="basically",
           reading=DIRECTIONAL_READING + " Read as income growth close to GDP growth each year; no "
           "tolerance is given."),
    target("td03", "4.2 D001 主要污染物排放总量进一步减少", "主要污染物排放总量",
           "Total emissions of major pollutants (relative to 2020)", "ratio", "decrease", "ch2/s3",
           "主要污染物排放总量进一步减少", period=PERIOD,
           reading=DIRECTIONAL_READING + " The pollutants are not named and the catalogue's unit "
           "list has no mass unit; the total is read as a ratio to its 2020 level, to fall below 1."),
    target("td04", "4.2 D001 科技创新对经济发展的贡献率进一步提高", "科技创新对经济发展的贡献率",
           "Contribution of science and technology innovation to growth", "%", "increase", "ch2/s3",
           "科技创新对经济发展的贡献率进一步提高", period=PERIOD, reading=DIRECTIONAL_READING),
    target("td05", "4.2 D001 节能减排任务全面完成", "节能减排任务", "Energy-saving and emission-reduction tasks",
           "boolean", "achieve", "ch4", "节能减排任务全面完成", period=PERIOD, measure=False,
           reading=DIRECTIONAL_READING + " The tasks themselves are set by higher levels and are not "
           "listed in the plan."),
    target("td06", "4.2 D001 提升规上工业企业智能化改造覆盖率", "规上工业企业智能化改造覆盖率",
           "Share of above-scale industrial firms with smart retrofits", "%", "increase", "ch4/s3",
           "提升规上工业企业智能化改造覆盖率", period=PERIOD, reading=DIRECTIONAL_READING),
    target("td07", "4.2 D001 提高社区商业行业覆盖率", "社区商业行业覆盖率", "Coverage of community commerce",
           "%", "increase", "ch5/s2", "提高社区商业行业覆盖率", period=PERIOD, reading=DIRECTIONAL_READING),
    target("td08", "4.2 D001 提升直接融资占比", "直接融资占比", "Share of direct financing",
           "%", "increase", "ch7/s2", "提升直接融资占比", period=PERIOD, reading=DIRECTIONAL_READING),
    target("td09", "4.2 D001 提高生活垃圾无害化处理率和处理水平", "生活垃圾无害化处理率",
           "Harmless treatment rate of household waste", "%", "increase", "ch10/s2",
           "提高生活垃圾无害化处理率和处理水平", period=PERIOD, reading=DIRECTIONAL_READING),
    target("td10", "4.2 D001 保持湿地面积", "湿地面积保持不减", "Wetland area kept without loss",
           "boolean", "achieve", "ch10/s3", "保护六十户乡等地湿地和生物多样性,加强湿地生态恢复,保持湿地面积",
           period=PERIOD,
           reading=DIRECTIONAL_READING + " 保持 means keeping the area; the model has no 'maintain' "
           "comparator and the plan gives no baseline area, so it is a status: 1 while the wetland "
           "area does not shrink. With a known baseline it could become at_least that area in "
           "hectares."),
    target("td11a", "4.2 D001 提高生活污水集中收集率", "生活污水集中收集率",
           "Central collection rate of domestic sewage", "%", "increase", "ch10/s4",
           "提高生活污水集中收集率和中水回用率", period=PERIOD,
           reading=DIRECTIONAL_READING + " One row of the inventory holds three goals; this is the "
           "first. The 13th five-year result for sewage treatment (o15, 90 % or more) is a different "
           "rate."),
    target("td11b", "4.2 D001 提高中水回用率", "中水回用率", "Reuse rate of reclaimed water",
           "%", "increase", "ch10/s4", "提高生活污水集中收集率和中水回用率", period=PERIOD,
           reading=DIRECTIONAL_READING + " The second of the three goals of this inventory row."),
    target("td11c", "4.2 D001 大幅降低供水管网漏损", "供水管网漏损率", "Leakage rate of the water-supply network",
           "%", "decrease", "ch10/s4", "大幅降低供水管网漏损", period=PERIOD,
           reading=DIRECTIONAL_READING + " The third goal of this inventory row. 漏损 (leakage) is read "
           "as the leakage rate; 大幅 (substantially) has no number and no strength value fits."),
    target("td12", "4.2 D001 全区教育整体水平和综合实力位居全疆前列", "全区教育整体水平和综合实力位居全疆前列",
           "Education among the best in Xinjiang", "boolean", "achieve", "ch11/s2",
           "全区教育整体水平和综合实力位居全疆前列", period=PERIOD,
           reading=DIRECTIONAL_READING + " No ranking method is given."),
    target("td13", "4.2 D001 逐步增加健康养老床位", "健康养老床位", "Health and elderly-care beds",
           "places", "increase", "ch11/s4", "逐步增加健康养老床位", period=PERIOD, strength="gradually",
           reading=DIRECTIONAL_READING),
    target("td14", "4.2 D001 提高高学历人口占总人口比重", "高学历人口占总人口比重",
           "Share of highly educated people in the population", "%", "increase", "ch11/s6",
           "提高高学历人口占总人口比重", period=PERIOD,
           reading=DIRECTIONAL_READING + " 'Highly educated' is not defined."),
    target("td15", "4.2 D001 持续缩小城乡居民收入差距", "城乡居民收入差距",
           "Urban-rural income gap (urban to rural per-capita disposable income)", "ratio", "decrease",
           "ch8/s4", "持续缩小城乡居民收入差距", period=PERIOD,
           reading=DIRECTIONAL_READING + " The gap is read as the ratio of urban to rural per-capita "
           "disposable income; at the end of the 13th period it was 43,179 / 22,649, about 1.91 "
           "(observations o29 and o30)."),
]

# Observations (第一章第一节, the 13th five-year results)

R_END = ("A 13th five-year result (2016-2020). The plan gives no year; dated at the end of the "
         "period, 2020-12-31. The plan was adopted on 2021-01-23, before final 2020 statistics, so "
         "some figures may be preliminary.")
R_START = ("The value at the start of the 13th five-year period. The plan gives no year; dated at "
           "the end of 2015, the last year before the period.")
R_GROWTH = ("An average yearly growth over the 13th five-year period (2016-2020); dated at the end "
            "of the period, 2020-12-31. The plan gives no years.")
R_CUM = ("A result accumulated over the 13th five-year period (2016-2020); dated at its end, "
         "2020-12-31. The plan gives no years.")
R_STATUS = ("A status won during the 13th five-year period (2016-2020); the plan gives no date, so "
            "it is dated at the end of the period, 2020-12-31 (true by then at the latest).")


def obs(oid, inventory, zh, en, value, unit, quote, date=END_13TH, reading=R_END, target=None,
        extra=None):
    return dict(oid=oid, inventory=inventory, zh=zh, en=en, value=value, unit=unit, quote=quote,
                date=date, reading=reading + (" " + extra if extra else ""), target=target)


GDP_QUOTE = "地区生产总值由874.6亿元增加到1274.3亿元"
RETAIL_QUOTE = "社会消费品零售总额由312亿元增加到320.9亿元"
INCOME_QUOTE = "城镇和农村居民人均可支配收入分别达到43179元,22649元,年均增长6.4%和8.6%"
MORE = "The plan writes 超过 (more than); the observation stores the stated floor."
AT_LEAST = "The plan writes 以上 (or more); the observation stores the stated floor."

OBSERVATIONS = [
    obs("o01", "O-001-01", "地区生产总值", "Gross regional product", "1274.3", "100m_yuan", GDP_QUOTE),
    obs("o01a", "O-001-01 (start value)", "地区生产总值", "Gross regional product", "874.6", "100m_yuan",
        GDP_QUOTE, date=START_13TH, reading=R_START),
    obs("o02", "O-001-02", "地区生产总值年均增长率", "Average yearly growth of gross regional product",
        "6.8", "%", GDP_QUOTE + ",年均增长6.8%", reading=R_GROWTH),
    obs("o03", "O-001-03", "地区生产总值占全市比重", "Share of the city's gross regional product", "38", "%",
        "约占全市地区生产总值的38%",
        extra="The plan writes 约 (about); the same paragraph of the review also says the district's "
        "economy is one third of the city's (经济总量在全市保持三分天下有其一)."),
    obs("o04", "O-001-04", "社会消费品零售总额", "Retail sales of consumer goods", "320.9", "100m_yuan",
        RETAIL_QUOTE),
    obs("o04a", "O-001-04 (start value)", "社会消费品零售总额", "Retail sales of consumer goods", "312",
        "100m_yuan", RETAIL_QUOTE, date=START_13TH, reading=R_START),
    obs("o05", "O-001-05", "社会消费品零售总额增长率(五年累计)", "Growth of retail sales over the five years",
        "2.8", "%", RETAIL_QUOTE + ",增长2.8%",
        reading="Growth over the whole 13th five-year period (312 to 320.9, about 2.85 %), not a yearly "
        "rate; dated at the end of the period, 2020-12-31. The plan gives no years."),
    obs("o06", "O-001-06", "全社会固定资产投资年均增长率", "Average yearly growth of fixed-asset investment",
        "8.6", "%", "全社会固定资产投资年均增长8.6%", reading=R_GROWTH),
    obs("o07", "O-001-07", "工业增加值年均增长率", "Average yearly growth of industrial value added",
        "1.75", "%", "工业增加值年均增长1.75%", reading=R_GROWTH),
    obs("o08", "O-001-08", "外贸进出口总额", "Foreign trade (imports and exports)", "105.3", "100m_yuan",
        "外贸进出口总额预计达到105.3亿元",
        extra="The plan writes 预计 (estimated): the figure is an estimate for 2020, not a final "
        "statistic."),
    obs("o09", "O-001-09", "服务业营业收入", "Revenue of the service industries", "800", "100m_yuan",
        "服务业营业收入超过800亿元", extra=MORE),
    obs("o10", "O-001-10", "旅游总收入", "Total tourism revenue", "29", "100m_yuan", "旅游总收入超过29亿元",
        extra=MORE),
    obs("o11", "O-001-11", "绿地率", "Green-space ratio", "37.5", "%", "绿地率37.5%"),
    obs("o12", "O-001-12", "绿化覆盖率", "Green coverage", "40", "%", "绿化覆盖率达到40%"),
    obs("o13", "O-001-13", "打通丁字路、断头路条数", "T-junction and dead-end roads opened", "14", "count",
        "打通丁字路、断头路14条,总长约8.8公里", reading=R_CUM),
    obs("o13b", "O-001-13 (length)", "打通丁字路、断头路总长", "Length of the T-junction and dead-end roads opened",
        "8800", "metres", "打通丁字路、断头路14条,总长约8.8公里", reading=R_CUM,
        extra="约8.8公里 (about 8.8 km) is stored in metres, the catalogue's unit of length."),
    obs("o14", "O-001-14", "改造交通堵点", "Traffic bottlenecks rebuilt", "24", "count", "改造交通堵点24处",
        reading=R_CUM),
    obs("o15", "O-001-15", "城市污水集中处理率", "Central treatment rate of urban sewage", "90", "%",
        "城市污水集中处理率达到90%以上", extra=AT_LEAST),
    obs("o16", "O-001-16", "纳入管理的无物业小区", "Estates without a property manager brought under management",
        "118", "count", "实现118个无物业小区管理全覆盖", reading=R_CUM,
        extra="全覆盖: all such estates, 118 in number, are now managed."),
    obs("o17", "O-001-17", "全疆生物医药与大健康企业在区内聚集的比重",
        "Share of Xinjiang's biomedicine and health firms located in the district", "70", "%",
        "生物医药与大健康产业聚集了全疆70%以上的企业", extra=AT_LEAST),
    obs("o18", "O-001-18", "新一代信息技术相关数字产业企业", "Digital-industry firms in new-generation IT",
        "1000", "count", "新一代信息技术相关数字产业企业超过1000家", extra=MORE),
    obs("o19", "O-001-19", "众创空间", "Maker spaces", "16", "count", "拥有众创空间16家(其中国家级7家)"),
    obs("o19b", "O-001-19 (national level)", "国家级众创空间", "National-level maker spaces", "7", "count",
        "拥有众创空间16家(其中国家级7家)"),
    obs("o20", "O-001-20", "科技企业孵化器", "Technology business incubators", "10", "count",
        "科技企业孵化器10家(其中国家级3家)"),
    obs("o20b", "O-001-20 (national level)", "国家级科技企业孵化器", "National-level technology business incubators",
        "3", "count", "科技企业孵化器10家(其中国家级3家)"),
    obs("o21", "O-001-21", "科技型企业", "Technology-based firms", "1763", "count", "科技型企业1763家"),
    obs("o22", "O-001-22", "高新技术企业", "High-tech enterprises", "166", "count", "高新技术企业达166家"),
    obs("o23", "O-001-23", "累计使用孵化面积", "Incubation floor area in use, cumulative", "410000",
        "square_metres", "累计使用孵化面积达41万平米", reading=R_CUM,
        extra="41万平米 = 410,000 square metres."),
    obs("o24", "O-001-24", "乌鲁木齐国际机场航线", "Routes of Urumqi International Airport", "185", "count",
        "乌鲁木齐国际机场航线185条",
        extra="A figure of the airport, which lies in the district; it is not a district statistic "
        "in the narrow sense."),
    obs("o25", "O-001-25", "机场通达国内外城市", "Cities in China and abroad served from the airport", "90",
        "count", "通达国内外90个城市"),
    obs("o26", "O-001-26", "机场日起降架次", "Aircraft movements (take-offs and landings) per day", "600",
        "count", "日起降架次突破600架",
        extra="A count per day (the unit list has no per-day rate). The plan writes 突破 (broke "
        "through, more than); the observation stores the stated floor."),
    obs("o27", "O-001-27", "聚集的物流产业龙头企业", "Leading logistics firms gathered in the district", "10",
        "count", "顺丰、天缘、众和、中通等十余家物流产业龙头企业聚集",
        extra="十余家 means 'more than ten'; the observation stores ten as the floor."),
    obs("o28", "O-001-28", "新增绿化面积", "New green area", "13013.9", "mu", "新增绿化面积13013.9亩",
        reading=R_CUM),
    obs("o29", "O-001-29", "城镇居民人均可支配收入", "Per-capita disposable income of urban residents",
        "43179", "yuan", INCOME_QUOTE, extra="Yuan per person per year."),
    obs("o30", "O-001-30", "农村居民人均可支配收入", "Per-capita disposable income of rural residents",
        "22649", "yuan", INCOME_QUOTE, extra="Yuan per person per year."),
    obs("o31", "O-001-31", "城镇居民人均可支配收入年均增长率",
        "Average yearly growth of urban per-capita disposable income", "6.4", "%", INCOME_QUOTE,
        reading=R_GROWTH),
    obs("o32", "O-001-32", "农村居民人均可支配收入年均增长率",
        "Average yearly growth of rural per-capita disposable income", "8.6", "%", INCOME_QUOTE,
        reading=R_GROWTH),
    obs("o33", "O-001-33", "农村低保标准", "Rural minimum living allowance standard", "650", "yuan",
        "农村低保标准从每人每月215元提标到650元",
        extra="Yuan per person per month. The same value is parameter social.dibao.rural_standard."),
    obs("o33a", "O-001-33 (start value)", "农村低保标准", "Rural minimum living allowance standard", "215",
        "yuan", "农村低保标准从每人每月215元提标到650元", date=START_13TH, reading=R_START,
        extra="Yuan per person per month."),
    obs("o34", "O-001-34", "城市低保标准", "Urban minimum living allowance standard", "650", "yuan",
        "城市低保标准从每人每月395元提标到650元",
        extra="Yuan per person per month. The same value is parameter social.dibao.urban_standard."),
    obs("o34a", "O-001-34 (start value)", "城市低保标准", "Urban minimum living allowance standard", "395",
        "yuan", "城市低保标准从每人每月395元提标到650元", date=START_13TH, reading=R_START,
        extra="Yuan per person per month."),
    obs("o35", "O-001-35", "群众参保率", "Insurance participation rate of residents", "100", "%",
        "群众参保率达到100%", target="t03",
        extra="The baseline of target t03 (medical-insurance participation). The plan does not say "
        "which insurance the rate counts; read as social insurance in general."),
    obs("o36", "O-001-36", "社区“儿童之家”", "Community children's homes", "25", "count",
        "建成25个社区“儿童之家”", reading=R_CUM),
    obs("o37", "O-001-37", "两个双集中供养率", "The two 'double centralised support' rates", "100", "%",
        "两个双集中供养率达到100%",
        extra="The plan does not say which two rates are meant; the value is kept as written."),
    obs("o38", "O-001-38", "15年免费教育全面实施", "Fifteen years of free education fully in place", "1",
        "boolean", "15年免费教育全面实施",
        extra="A status (1 = achieved); the catalogue's unit list has no unit of years of schooling."),
    obs("o39", "O-001-39", "累计安置就业", "People placed in jobs, cumulative", "150500", "persons",
        "累计安置就业15.05万人", reading=R_CUM, extra="15.05万人 = 150,500 persons."),
    obs("o40", "O-001-40", "获国务院督查表扬次数", "Commendations by the State Council inspection", "3",
        "count", "商事制度改革等工作3次获国务院督查表扬", reading=R_CUM),
    obs("o41", "O-001-41 (国家“双创”示范基地)", "国家“双创”示范基地", "National mass-innovation demonstration base",
        "1", "boolean", "成功创建国家“双创”示范基地", reading=R_STATUS),
    obs("o41b", "O-001-41 (国家农产品质量安全县)", "国家农产品质量安全县", "National county for farm-product quality "
        "and safety", "1", "boolean", "成功创建国家农产品质量安全县", reading=R_STATUS),
    obs("o41c", "O-001-41 (全国“乡村治理示范村”)", "青格达湖乡联合村获全国“乡村治理示范村”称号",
        "Lianhe village of Qinggedahu township named a national model village of rural governance",
        "1", "boolean", "青格达湖乡联合村荣获全国“乡村治理示范村”称号", reading=R_STATUS),
    obs("o41d", "O-001-41 (“救急难”综合试点单位)", "“救急难”综合试点单位",
        "Pilot unit for emergency and hardship relief (named by the region and the Ministry of Civil Affairs)",
        "1", "boolean", "相继被自治区和国家民政部确定为“救急难”综合试点单位", reading=R_STATUS),
    obs("o41e", "O-001-41 (“绿色园区”)", "国家级“绿色园区”", "National 'green park' designation", "1", "boolean",
        "先后被评为国家级“双创示范基地”“绿色园区”", reading=R_STATUS),
    obs("o41f", "O-001-41 (百家案例)", "入选《全国双创示范基地创新创业百家案例》",
        "Listed among the hundred cases of national mass-innovation demonstration bases", "1", "boolean",
        "新区“双创”工作作为优秀案例入选《全国双创示范基地创新创业百家案例》", reading=R_STATUS),
]

# Parameters (R-001 rules with numbers)

PARAMETERS = [
    {
        "id": "social.dibao.urban_standard",
        "inventory": "R-001-07 城市低保标准",
        "name": {"zh": "城市低保标准", "en": "Urban minimum living allowance standard"},
        "unit": "yuan",
        "description": "The monthly minimum living allowance (低保) standard for urban residents, in "
        "yuan per person per month; a household whose income per head is below it is eligible (the "
        "eligibility rule itself is set elsewhere).",
        "values": [{
            "effective_from": END_13TH, "value": "650", "clause": "ch1/s1",
            "quote": "城市低保标准从每人每月395元提标到650元",
            "reading": "The standard the plan reports at the end of the 13th five-year period. The plan "
            "does not give the day it took effect; 2020-12-31 is the latest date by which it was in "
            "force. The earlier standard of 395 yuan is not dated in the plan (only 'at the start of "
            "the period'), so it is kept as observation o34a, not as a dated value. Later changes are "
            "not in this document.",
        }],
    },
    {
        "id": "social.dibao.rural_standard",
        "inventory": "R-001-07 农村低保标准",
        "name": {"zh": "农村低保标准", "en": "Rural minimum living allowance standard"},
        "unit": "yuan",
        "description": "The monthly minimum living allowance (低保) standard for rural residents, in "
        "yuan per person per month.",
        "values": [{
            "effective_from": END_13TH, "value": "650", "clause": "ch1/s1",
            "quote": "农村低保标准从每人每月215元提标到650元",
            "reading": "The standard the plan reports at the end of the 13th five-year period; the day "
            "it took effect is not given, 2020-12-31 is the latest date by which it was in force. The "
            "earlier standard of 215 yuan is not dated in the plan and is kept as observation o33a. "
            "Urban and rural standards are equal at the end of the period.",
        }],
    },
    {
        "id": "fiscal.livelihood_spending.min_share",
        "inventory": "R-001-01 livelihood_share_min",
        "name": {"zh": "区财政支出用于保障改善民生的最低比重", "en": "Minimum share of district fiscal spending on livelihood"},
        "unit": "ratio",
        "description": "The least share of district fiscal expenditure that must go to securing and "
        "improving people's livelihood: livelihood spending / total district fiscal expenditure >= "
        "this value, per year.",
        "values": [{
            "effective_from": "2021-01-01", "until": "2025-12-31", "value": "0.7", "clause": "ch11",
            "quote": "把区财政支出的70%以上用于保障改善民生",
            "reading": "70%以上 includes 70 % (Civil Code art 1259), so the share must be at least 0.7. "
            "In force for the plan period. Which budget functions count as livelihood spending is not "
            "defined (inventory Q34).",
        }],
    },
    {
        "id": "employment.zero_employment_household.clearance_hours",
        "inventory": "R-001-02 clearance_max",
        "name": {"zh": "零就业家庭动态清零时限", "en": "Time limit to clear a zero-employment household"},
        "unit": "hours",
        "description": "The longest time between finding a household with no member in work and "
        "placing one member in a job.",
        "values": [{
            "effective_from": "2021-01-01", "until": "2025-12-31", "value": "24", "clause": "ch11/s1",
            "quote": "实现零就业家庭24小时动态清零",
            "reading": "Read as a limit per household, 24 hours included; in force for the plan period.",
        }],
    },
    {
        "id": "social.medical_insurance.min_participation_rate",
        "inventory": "R-001-06 participation",
        "name": {"zh": "辖区医疗保险参保率", "en": "Required medical-insurance participation rate"},
        "unit": "ratio",
        "description": "The share of eligible residents who must be insured for medical care: insured / "
        "eligible residents >= this value.",
        "values": [{
            "effective_from": DEADLINE_2025, "value": "1", "clause": "ch11/s4",
            "quote": "“十四五”末,辖区医疗保险参保率达100%",
            "reading": "The plan requires 100 % by the end of the 14th five-year period (“十四五”末, read "
            "as 2025-12-31); the value applies from that date. Before it the plan sets no interim "
            "rate; target t03 tracks the goal. The plan says nothing of later years.",
        }],
    },
]


DOCUMENT_READING = (
    "Issuer: the outline was drawn up by the district Party committee, the management committee and "
    "the district government (区委、管委会、区政府, preface) and adopted by the district people's "
    "congress (「2021年1月23日新市区第十四届人民代表大会第六次会议通过」). The adopting body is recorded "
    "as the issuer, since the date of issue is the date of adoption and the plan answers to the "
    "congress's standing committee for review and revision (第十三章第四节). "
    "Title: the page title line carries (公布稿) (published version); the heading above the text "
    "omits it; the preface calls the document 《高新区(新市区)国民经济和社会发展第十四个五年规划纲要》. "
    "Dates: adopted 2021-01-23; posted 「发布时间:2022-02-10」. Period: the 14th five-year period, "
    "2021-2025; the outline also sets a vision to 2035 (「展望2035年」, 「未来十五年」, 第一章第三节), which "
    "is not a period of the programme. "
    "Structure: 13 chapters and 58 sections, sub-parts (一)-(四) in 第三章第五节, (一)-(六) plus one "
    "unnumbered part in 第三章第六节, (一)-(五) in 第八章第一节, and an appendix of 15 abbreviations, most "
    "of which the body does not use (kept as a glossary). Body headings are used where the table of "
    "contents differs: the contents give 「第十 筑牢长治久安根基」 for 第十二章 and 「促进宗教和谐和睦」 for "
    "第九章第三节 「促进宗教和睦和谐」, and append a page number to the appendix title (附录:缩略词说明85). "
    "Targets: the plan has no indicator table and labels no target 预期性 or 约束性, so every target's "
    "nature is 'unstated'; the eight goals of 第二章第三节 are qualitative and are encoded as "
    "directional targets. Observations: the 13th five-year results of 第一章第一节 give no years; "
    "they are dated 2020-12-31 (start values 2015-12-31), and the foreign-trade figure is an "
    "estimate (预计). 「两轴六片区」 (第八章第一节) names only five areas. Typos of the seed are kept "
    "in clause texts (e.g. 领城 for 领域, 理态 for 理念, 市场化动作 for 运作, 障作用, 筹推进)."
)

PROGRAMME_READING = (
    "The plan's implementation chapter (第十三章) sets the roles: the district development and reform "
    "commission leads monitoring with the departments concerned and reports to the Party committee "
    "and the management committee (district government); the management committee (district "
    "government) runs the mid-term evaluation and proposes adjustments; the standing committee of the "
    "district people's congress reviews the evaluation and approves revisions and adjustments; every "
    "department drafts special plans and yearly measures and is assessed on its share of the targets. "
    "The three bodies are all recorded as lead units because the model has no field for the role "
    "each plays (monitoring, evaluation, approval). The vision to 2035 is outside the programme's "
    "period."
)


def clause_json(node: Node) -> dict:
    en, summary = CLAUSES[node.local]
    out: dict = {"id": f"{DOC}/{node.local}"}
    if node.label:
        out["label"] = node.label
    if node.title:
        out["title"] = {"zh": node.title, "en": en}
    if node.text:
        out["text"] = node.text
    out["summary"] = summary
    if node.children:
        out["children"] = [clause_json(c) for c in node.children]
    return out


def check_quote(text: str, quote: str, where: str) -> None:
    for piece in quote.split("…"):
        piece = piece.strip()
        if piece and piece not in text:
            raise SystemExit(f"{where}: quote not in its clause text: {piece}")


def cite(clause: str, quote: str | None, texts: dict[str, str], where: str) -> dict:
    out = {"document": DOC, "clause": f"{DOC}/{clause}"}
    if quote:
        check_quote(texts[clause], quote, where)
        out["quote"] = quote
    return out


def inventory_label(local: str) -> str:
    """ch3/s5/p1 → 第三章第五节(一); appendix/4 → 附录4; ch11 → 第十一章."""
    if local == "preface":
        return "前言"
    if local == "appendix":
        return "附录:缩略词说明"
    if local.startswith("appendix/"):
        return "附录" + local.split("/")[1]
    parts = local.split("/")
    out = f"第{cn_number(int(parts[0][2:]))}章"
    if len(parts) > 1:
        out += f"第{cn_number(int(parts[1][1:]))}节"
    if len(parts) > 2:
        p = int(parts[2][1:])
        out += f"({cn_number(p)})" if p <= 6 or parts[:2] != ["ch3", "s6"] else " 实施打造“双创”升级版工程 (unnumbered)"
    return out


def build() -> tuple[dict, dict]:
    src = read_seed()
    roots = slice_seed(src)
    nodes = list(walk(roots))
    texts = {n.local: (n.text or "") for n in nodes}
    coverage: list[dict] = [{"inventory": "D001", "id": DOC}]

    # Structure checks against the inventory.
    chapters = [n for n in roots if n.local.startswith("ch")]
    assert len(chapters) == 13, len(chapters)
    per_chapter = [len(c.children) for c in chapters]
    assert per_chapter == [3, 3, 6, 4, 6, 4, 4, 5, 6, 4, 7, 2, 4], per_chapter
    assert len([n for n in nodes if n.local.startswith("appendix/")]) == 15
    missing = {n.local for n in nodes} ^ set(CLAUSES)
    assert not missing, missing
    for n in nodes:
        assert n.text is None or n.text in src
        assert n.title is None or n.title in src

    for n in nodes:
        coverage.append({"inventory": inventory_label(n.local), "id": f"{DOC}/{n.local}"})

    document = {
        "id": DOC,
        "title": {
            "zh": "高新区(新市区)国民经济和社会发展第十四个五年规划和2035年远景目标纲要(公布稿)",
            "en": "Outline of the 14th Five-Year Plan for Economic and Social Development and the "
            "Long-Range Objectives through 2035 of Urumqi High-tech Zone (Xinshi District) "
            "(published version)",
        },
        "kind": "development_plan",
        "jurisdiction": PLACE,
        "issuer": {
            "zh": "新市区第十四届人民代表大会",
            "en": "14th People's Congress of Xinshi District (sixth session)",
        },
        "issued": "2021-01-23",
        "published": "2022-02-10",
        "period": PERIOD,
        "source_file": "001_a25632e895ee11f6.txt",
        "reading": DOCUMENT_READING,
        "clauses": [clause_json(r) for r in roots],
    }

    units = []
    for u in UNITS:
        entry = {
            "id": u["id"], "name": u["name"], "kind": u["kind"], "jurisdiction": PLACE,
            "source": cite(u["clause"], u["quote"], texts, u["id"]),
        }
        if u.get("reading"):
            entry["reading"] = u["reading"]
        units.append(entry)
        coverage.append({"inventory": u["inventory"], "id": u["id"]})

    programme = {
        "id": PROGRAMME,
        "name": {
            "zh": "高新区(新市区)国民经济和社会发展第十四个五年规划",
            "en": "14th Five-Year Plan of Urumqi High-tech Zone (Xinshi District)",
        },
        "jurisdiction": PLACE,
        "period": PERIOD,
        "lead_units": ["xinshi-development-reform", "xinshi-government", "xinshi-congress-standing-committee"],
        "co_units": ["xinshi-departments"],
        "source": cite("ch13/s4", "区发展和改革委员会牵头,会同有关部门及时跟踪规划实施情况…"
                       "由管委会(区政府)组织开展全面评估…需要本规划修订时,须报区人民代表大会常务委员会批准",
                       texts, PROGRAMME),
        "reading": PROGRAMME_READING,
    }
    coverage.append({"inventory": "D001 programme (第十三章)", "id": PROGRAMME})

    measures = []
    for ch in chapters:
        for s in ch.children:
            mid = f"{DOC}/m{s.local.replace('/', '')}"
            m = {
                "id": mid,
                "programme": PROGRAMME,
                "title": {"zh": s.title, "en": CLAUSES[s.local][0]},
                "summary": MEASURE_SUMMARIES.get(s.local, CLAUSES[s.local][1]),
            }
            m.update(MEASURE_UNITS.get(s.local, {}))
            m["source"] = {"document": DOC, "clause": f"{DOC}/{s.local}"}
            if s.local in MEASURE_READINGS:
                m["reading"] = MEASURE_READINGS[s.local]
            measures.append(m)
            coverage.append({"inventory": inventory_label(s.local) + " (measure)", "id": mid})

    def measure_of(clause: str) -> str | None:
        parts = clause.split("/")
        if len(parts) < 2:
            return None
        return f"{DOC}/m{parts[0]}{parts[1]}"

    targets = []
    for t in TARGETS + DIRECTIONAL:
        tid = f"{DOC}/{t['tid']}"
        entry = {"id": tid, "metric": {"zh": t["zh"], "en": t["en"]}, "unit": t["unit"],
                 "comparator": t["comparator"]}
        if t["value"] is not None:
            entry["value"] = t["value"]
        if t["baseline"]:
            entry["baseline"] = t["baseline"]
        if t["deadline"]:
            entry["deadline"] = t["deadline"]
        if t["period"]:
            entry["period"] = t["period"]
        entry["nature"] = "unstated"
        if t["strength"]:
            entry["strength"] = t["strength"]
        entry["scope"] = PLACE
        if t["measure"] and measure_of(t["clause"]):
            entry["measure"] = measure_of(t["clause"])
        entry["programme"] = PROGRAMME
        entry["source"] = cite(t["clause"], t["quote"], texts, tid)
        if t["reading"]:
            entry["reading"] = t["reading"]
        targets.append(entry)
        coverage.append({"inventory": t["inventory"], "id": tid})

    ch1s1 = "ch1/s1"
    observations = []
    target_units = {f"{DOC}/{t['tid']}": t["unit"] for t in TARGETS + DIRECTIONAL}
    for o in OBSERVATIONS:
        oid = f"{DOC}/{o['oid']}"
        entry = {"id": oid, "metric": {"zh": o["zh"], "en": o["en"]}}
        if o["target"]:
            entry["target"] = f"{DOC}/{o['target']}"
            assert target_units[entry["target"]] == o["unit"]
        entry.update({"value": o["value"], "unit": o["unit"], "date": o["date"], "scope": PLACE,
                      "source": cite(ch1s1, o["quote"], texts, oid), "reading": o["reading"]})
        observations.append(entry)
        coverage.append({"inventory": o["inventory"], "id": oid})

    parameters = []
    for p in PARAMETERS:
        values = []
        for v in p["values"]:
            value = {"jurisdiction": PLACE, "effective_from": v["effective_from"]}
            if v.get("until"):
                value["until"] = v["until"]
            value["value"] = v["value"]
            value["source"] = cite(v["clause"], v["quote"], texts, p["id"])
            if v.get("reading"):
                value["reading"] = v["reading"]
            values.append(value)
        parameters.append({"id": p["id"], "name": p["name"], "unit": p["unit"],
                           "description": p["description"], "values": values})
        coverage.append({"inventory": p["inventory"], "id": p["id"]})

    catalogue = {
        "format": "zhengce-catalogue/1",
        "documents": [document],
        "units": units,
        "programmes": [programme],
        "measures": measures,
        "targets": targets,
        "observations": observations,
        "parameters": parameters,
    }
    ids = [c["id"] for c in coverage]
    assert len(ids) == len(set(ids)), "duplicate coverage ids"
    return catalogue, {"document": DOC, "required": coverage}


def dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    catalogue, coverage = build()
    outputs = {OUT: dump(catalogue), COVERAGE: dump(coverage)}
    if "--check" in sys.argv:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"out of date: {p.relative_to(ROOT)}")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    clauses = catalogue["documents"][0]["clauses"]
    print(f"clauses {sum(1 for _ in _walk_json(clauses))}, units {len(catalogue['units'])}, "
          f"measures {len(catalogue['measures'])}, targets {len(catalogue['targets'])}, "
          f"observations {len(catalogue['observations'])}, parameters {len(catalogue['parameters'])}, "
          f"coverage {len(coverage['required'])}")
    return 0


def _walk_json(clauses):
    for c in clauses:
        yield c
        yield from _walk_json(c.get("children", []))


if __name__ == "__main__":
    sys.exit(main())
