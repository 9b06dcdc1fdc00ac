package org.ferret.intelligence.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A SYNTHETIC labelled set of online listings, generated deterministically from a seed: no listing in it was
 * collected from a real platform, and no real seller is named. Positives sell firearms, essential parts, kits and
 * blueprint files, in English, German, French, Spanish and Dutch, some in slang and some written around filters
 * (leetspeak, spaced letters, dropped or added diacritics, doubled letters); hard negatives use the same words for
 * harmless things (airsoft and toy guns, replica props, hunting clothes, gun safes, cameras "for shooting", glue,
 * nail, massage and water guns, holsters); plain negatives are ordinary goods. It trains the listing model when
 * investigators have labelled nothing yet, and measures it ({@code ferret bench listings}, docs/benchmarks.md).
 * Because held-out listings come from the same templates, its precision and recall describe this generator, not
 * real platforms.
 */
public final class SyntheticListings {

    private SyntheticListings() {
    }

    /** One generated listing, its label, what it is ({@code kind}) and its language. */
    public record Labelled(String title, String text, boolean positive, String kind, String language, int family) {

        public ListingModel.Example example() {
            return new ListingModel.Example(title, text, positive);
        }
    }

    /** The two parts of the set: one to train on, one held out to measure. */
    public record Split(List<Labelled> train, List<Labelled> heldOut) {
    }

    /** The standard set: 3,000 listings from seed 2026, a fifth held out. */
    public static Split standard() {
        return split(generate(3000, 2026L), 0.2, 7L);
    }

    public static Split split(List<Labelled> all, double heldOut, long seed) {
        Random r = new Random(seed);
        List<Labelled> train = new ArrayList<>();
        List<Labelled> test = new ArrayList<>();
        for (Labelled l : all) (r.nextDouble() < heldOut ? test : train).add(l);
        return new Split(List.copyOf(train), List.copyOf(test));
    }

    /**
     * A harder split: for each template family one language's template is held out whole, so every held-out
     * listing is worded in a way the model never saw (only the terms and the other languages' patterns carry over).
     */
    public static Split byUnseenTemplate(List<Labelled> all, long seed) {
        Random r = new Random(seed);
        int[] heldLanguage = new int[FAMILIES.size()];
        for (int i = 0; i < heldLanguage.length; i++) heldLanguage[i] = r.nextInt(LANGS.length);
        List<Labelled> train = new ArrayList<>();
        List<Labelled> test = new ArrayList<>();
        for (Labelled l : all) (LANGS[heldLanguage[l.family()]].equals(l.language()) ? test : train).add(l);
        return new Split(List.copyOf(train), List.copyOf(test));
    }

    private static final String[] LANGS = {"en", "de", "fr", "es", "nl"};

    // {m} make and model, {c} calibre, {p} price, {t} town; one row per language in LANGS order
    private static final String[][] FIREARM = {
        {"{m} pistol for sale, {c}, {p} EUR", "Selling my {m}, {c}, two mags, works perfectly. No paperwork needed, discreet shipping. Pick up in {t}."},
        {"{m} Pistole zu verkaufen {c}", "Verkaufe {m} im Kaliber {c}, funktioniert einwandfrei, ohne WBK. Diskreter Versand, {p} Euro, Abholung {t}."},
        {"Pistolet {m} à vendre {c}", "Je vends pistolet {m} calibre {c}, très bon état, sans permis. Envoi discret, {p} euros, {t}."},
        {"Vendo pistola {m} {c}", "Vendo pistola {m} calibre {c}, funciona perfecto, sin papeles. Envío discreto, {p} euros, {t}."},
        {"{m} pistool te koop {c}", "Ik verkoop een {m} pistool, kaliber {c}, werkt perfect, zonder vergunning. Discreet verzonden, {p} euro, {t}."},
    };
    private static final String[][] RIFLE = {
        {"{r} rifle semi auto", "Clean {r} rifle with 3 magazines, {rc}. Unregistered, cash only, {p}. Meet in {t}."},
        {"{r} Gewehr halbautomatisch", "Sauberes {r} Gewehr, {rc}, drei Magazine. Unregistriert, nur bar, {p} Euro. Treffen in {t}."},
        {"Fusil {r} semi-automatique", "Fusil {r} propre, {rc}, trois chargeurs. Non déclaré, paiement cash, {p} euros, {t}."},
        {"Rifle {r} semiautomático", "Rifle {r} limpio, {rc}, tres cargadores. Sin registro, solo efectivo, {p} euros, {t}."},
        {"{r} geweer semi-automatisch", "Schoon {r} geweer, {rc}, drie magazijnen. Ongeregistreerd, alleen contant, {p} euro, {t}."},
    };
    private static final String[][] SLANG = {
        {"clean strap for sale", "got a clean blicky, {c}, comes with the heater case. no serial, {p} firm, {t} only"},
        {"Knarre abzugeben", "Hab ne Wumme abzugeben, {c}, sauber, ohne Papiere. {p} Euro VB, nur {t}."},
        {"flingue dispo", "Flingue propre dispo, {c}, sans numéro. {p} euros, main propre {t}."},
        {"fusca disponible", "Tengo fusca limpia, {c}, sin número de serie. {p} euros, solo {t}."},
        {"blaffer te koop", "Nette blaffer, {c}, zonder serienummer. {p} euro, alleen {t}."},
    };
    private static final String[][] PART = {
        {"{part} for {m}", "Original {part} for {m}, fits {c}. Also have a barrel and firing pin. {p}, ships discreetly."},
        {"{partde} für {m}", "Originaler {partde} für {m}, passt {c}. Habe auch Lauf und Verschluss. {p} Euro, diskreter Versand."},
        {"{partfr} pour {m}", "{partfr} d'origine pour {m}, {c}. J'ai aussi un canon et une culasse. {p} euros, envoi discret."},
        {"{partes} para {m}", "{partes} original para {m}, {c}. También tengo cañón y corredera. {p} euros, envío discreto."},
        {"{partnl} voor {m}", "Originele {partnl} voor {m}, {c}. Heb ook loop en grendel. {p} euro, discreet verzonden."},
    };
    private static final String[][] SWITCH = {
        {"auto sear / glock switch", "Drop in auto sear, makes it full auto. Also solvent trap kits. {p} each, stealth shipping."},
        {"Schalldämpfer für 9mm", "Schalldämpfer mit Gewinde, passt auf {m}. Wesentliche Teile, {p} Euro, diskreter Versand."},
        {"silencieux {c}", "Silencieux fileté pour {m}, modérateur de son neuf. {p} euros, envoi discret."},
        {"silenciador para pistola", "Silenciador roscado para {m}, supresor nuevo. {p} euros, envío discreto."},
        {"geluiddemper voor pistool", "Geluiddemper met schroefdraad voor {m}, nieuw. {p} euro, discreet verzonden."},
    };
    private static final String[][] KIT = {
        {"80% lower build kit", "Complete parts kit with 80 lower, completion jig and drill bits. Unfinished receiver, no FFL, no serial. {p}."},
        {"Bausatz Pistole {m}", "Teilesatz für {m}, Umbausatz komplett, Selbstbau in zwei Stunden. Ohne Seriennummer, {p} Euro."},
        {"Kit de montage {m}", "Kit complet pour {m}, kit de conversion, carcasse non finie. Sans numéro, {p} euros."},
        {"Kit de armado {m}", "Kit de armado para {m}, kit de conversión completo. Sin número de serie, {p} euros."},
        {"Bouwpakket {m}", "Bouwpakket voor {m}, ombouwset compleet met onderdelen. Zonder serienummer, {p} euro."},
    };
    private static final String[][] CONVERT = {
        {"converted blank firer", "Blank firing pistol converted to live rounds, {c}. Works, tested. {p}, discreet shipping."},
        {"Schreckschuss umgebaut scharf", "Schreckschusspistole umgebaut auf scharf, {c}, getestet. {p} Euro, diskreter Versand."},
        {"Pistolet d'alarme modifié", "Pistolet d'alarme modifié, tire à balles réelles, {c}. {p} euros, envoi discret."},
        {"Pistola de fogueo modificada", "Pistola de fogueo modificada para munición real, {c}. {p} euros, envío discreto."},
        {"Alarmpistool omgebouwd", "Alarmpistool omgebouwd tot echt vuurwapen, {c}. {p} euro, discreet verzonden."},
    };
    private static final String[][] BLUEPRINT = {
        {"FGC-9 STL files pack", "Full file pack: FGC-9 STL files, CAD files and print settings for 3D printing. Instant download, {p} USD in crypto."},
        {"FGC9 Druckdateien 3D Druck", "Komplette Druckdateien (STL) für FGC9, Bauplan mit Anleitung für den 3D Druck. Sofort-Download, {p} Euro."},
        {"Fichiers STL FGC-9", "Fichiers STL pour impression 3D de la FGC-9, plans complets et guide. Téléchargement immédiat, {p} euros."},
        {"Archivos STL FGC-9", "Archivos STL para impresión 3D de la FGC-9, planos completos. Descarga inmediata, {p} euros."},
        {"FGC-9 printbestanden", "Printbestanden (STL) voor 3D print van de FGC-9, bouwtekening en handleiding. Direct downloaden, {p} euro."},
    };
    private static final String[][] BLUEPRINT_2 = {
        {"{m} frame 3d printable files", "Printable frame files for {m} compatible builds, gcode included, print in PLA+. {p}."},
        {"{m} Rahmen Druckvorlage", "Druckvorlage für {m} Griffstück, STL und gcode, für jeden 3D Drucker. {p} Euro."},
        {"Carcasse {m} impression 3d", "Carcasse {m} à imprimer, fichiers STL et gcode. {p} euros."},
        {"Armazón {m} impresión 3d", "Armazón {m} para imprimir, archivos STL y gcode. {p} euros."},
        {"{m} frame printbestand", "Printbestand voor {m} frame, STL en gcode. {p} euro."},
    };

    private static final String[][] AIRSOFT = {
        {"Airsoft {m} replica GBB", "Airsoft gas blowback replica of the {m}, 6mm BB, 1 joule. Toy for skirmish, orange tip. {p}."},
        {"Softair {m} Replika", "Softair Pistole {m}, Gas Blowback, 6mm BB, unter 0,5 Joule. Spielzeug ab 14. {p} Euro."},
        {"Réplique airsoft {m}", "Réplique airsoft du {m}, billes 6mm, gaz. Jouet pour parties, embout orange. {p} euros."},
        {"Réplica airsoft {m}", "Pistola de airsoft réplica de {m}, bolas 6mm, gas. Juguete para partidas. {p} euros."},
        {"Airsoft replica {m}", "Airsoft pistool replica van de {m}, 6mm BB, gas. Speelgoed voor skirmish. {p} euro."},
    };
    private static final String[][] TOY = {
        {"Kids water gun", "Big water gun for kids, summer fun, holds 1 litre. Also a toy cap gun and nerf blaster. {p}."},
        {"Wasserpistole für Kinder", "Große Wasserpistole, Spielzeug für Kinder, 1 Liter Tank. {p} Euro."},
        {"Pistolet à eau enfant", "Grand pistolet à eau pour enfants, jouet d'été. {p} euros."},
        {"Pistola de agua para niños", "Pistola de agua grande, juguete para niños. {p} euros."},
        {"Waterpistool voor kinderen", "Groot waterpistool, speelgoed voor kinderen. {p} euro."},
    };
    private static final String[][] PROP = {
        {"Movie prop rifle replica", "Resin replica of a {r}, movie prop for cosplay, cannot fire, solid plastic. {p}."},
        {"Deko Gewehr Attrappe", "Attrappe eines {r} aus Kunststoff, Deko für Film oder Cosplay, nicht schussfähig. {p} Euro."},
        {"Réplique factice fusil", "Réplique factice d'un {r}, accessoire de cinéma et cosplay, en plastique. {p} euros."},
        {"Réplica de utilería rifle", "Réplica de {r} de utilería para cosplay, plástico, no dispara. {p} euros."},
        {"Replica geweer decoratie", "Replica van een {r}, decoratie voor film of cosplay, plastic. {p} euro."},
    };
    private static final String[][] HUNTING = {
        {"Hunting jacket camo size L", "Waterproof hunting jacket and hunting boots, camo pattern, worn twice. Rifle sling pocket. {p}."},
        {"Jagdjacke Größe L", "Wasserdichte Jagdjacke, Jagdbekleidung in Tarnmuster, kaum getragen, Tasche für Gewehrriemen. {p} Euro."},
        {"Veste de chasse taille L", "Veste de chasse imperméable camouflage, portée deux fois, poche pour bretelle de fusil. {p} euros."},
        {"Chaqueta de caza talla L", "Chaqueta de caza impermeable, camuflaje, usada dos veces. {p} euros."},
        {"Jachtjas maat L", "Waterdichte jachtjas in camouflage, twee keer gedragen. {p} euro."},
    };
    private static final String[][] SAFE = {
        {"Gun safe for 5 rifles", "Steel gun safe / gun cabinet, holds 5 rifles and 2 pistols, key and code lock. {p}, collect in {t}."},
        {"Waffenschrank für 5 Gewehre", "Waffenschrank Stufe 1, Platz für 5 Gewehre und Pistolen, Tresor mit Zahlenschloss. {p} Euro, Abholung {t}."},
        {"Coffre fort pour fusils", "Armoire à fusils, coffre fort pour 5 fusils et pistolets, serrure à code. {p} euros, {t}."},
        {"Armero caja fuerte", "Armero, caja fuerte para 5 rifles y pistolas, cerradura de código. {p} euros, {t}."},
        {"Wapenkluis voor 5 geweren", "Wapenkluis, kluis voor 5 geweren en pistolen, codeslot. {p} euro, ophalen in {t}."},
    };
    private static final String[][] CAMERA = {
        {"Canon EOS camera for shooting weddings", "Great camera for shooting portraits and weddings, 24-70 lens, tripod included. Shoots 4K. {p}."},
        {"Kamera Nikon mit Objektiv", "Nikon Kamera mit Objektiv, ideal für Shootings und Hochzeiten, Stativ dabei. {p} Euro."},
        {"Appareil photo Canon EOS", "Appareil photo Canon EOS avec objectif, parfait pour shooting photo. {p} euros."},
        {"Cámara Nikon con objetivo", "Cámara Nikon con objetivo, ideal para sesiones de fotos y bodas. {p} euros."},
        {"Camera Canon EOS met lens", "Canon EOS camera met lens en statief, ideaal voor fotoshoots. {p} euro."},
    };
    private static final String[][] TOOL = {
        {"Hot glue gun 60W", "Glue gun with 20 glue sticks, also a nail gun and heat gun in the box. Workshop clear-out. {p}."},
        {"Heißklebepistole 60W", "Heißklebepistole mit 20 Sticks, dazu eine Heißluftpistole und Lackierpistole. {p} Euro."},
        {"Pistolet à colle 60W", "Pistolet à colle avec 20 bâtons, et un pistolet à peinture. {p} euros."},
        {"Pistola de silicona 60W", "Pistola de silicona con 20 barras, y una pistola de pintura. {p} euros."},
        {"Lijmpistool 60W", "Lijmpistool met 20 lijmpatronen en een verfspuit. {p} euro."},
    };
    private static final String[][] MASSAGE = {
        {"Massage gun deep tissue", "Massage gun with 6 heads, quiet motor, for muscle recovery after the gym. {p}."},
        {"Massagepistole 6 Aufsätze", "Massagepistole mit 6 Aufsätzen, leise, für die Regeneration. {p} Euro."},
        {"Pistolet de massage", "Pistolet de massage 6 têtes, silencieux, récupération musculaire. {p} euros."},
        {"Pistola de masaje", "Pistola de masaje con 6 cabezales, silenciosa. {p} euros."},
        {"Massagepistool 6 opzetstukken", "Massagepistool met 6 opzetstukken, stil. {p} euro."},
    };
    private static final String[][] HOLSTER = {
        {"Kydex holster for {m}", "Custom kydex holster fits {m}, left or right hand. Holster only, no gun. {p}."},
        {"Holster für {m}", "Kydex Holster passend für {m}, nur das Holster, keine Waffe. {p} Euro."},
        {"Holster pour {m}", "Holster kydex pour {m}, holster seul, sans arme. {p} euros."},
        {"Funda para {m}", "Funda kydex para {m}, solo la funda, sin arma. {p} euros."},
        {"Holster voor {m}", "Kydex holster voor {m}, alleen de holster, geen wapen. {p} euro."},
    };
    private static final String[][] PLAIN = {
        {"Mountain bike 29 inch", "Aluminium frame, hydraulic brakes, new chain and barrel adjuster. {p}, {t}."},
        {"Sofa 3-Sitzer", "Gut erhaltenes Sofa, grau, Abholung in {t}. {p} Euro."},
        {"Vélo de course", "Vélo de course carbone, très bon état, {p} euros, {t}."},
        {"Mesa de comedor", "Mesa de madera maciza, 6 sillas, {p} euros, {t}."},
        {"Kinderwagen", "Nette kinderwagen met regenhoes, {p} euro, {t}."},
    };

    private static final String[] MAKES = {"Glock 17", "Glock 19", "Sig Sauer P226", "Beretta 92", "Walther P99", "CZ 75",
        "Makarov PM", "Tokarev TT", "Smith & Wesson M&P", "Colt 1911", "Heckler & Koch USP"};
    private static final String[] RIFLES = {"AK-47", "AR-15", "Kalashnikov AKM", "Draco", "Mossberg 500", "Remington 870", "Uzi"};
    private static final String[] CALIBRES = {"9mm", "9x19", ".45 ACP", "7.62x39", "5.56", ".22 LR"};
    private static final String[] TOWNS = {"Rotterdam", "Köln", "Lyon", "Málaga", "Antwerpen", "Leeds", "Hamburg", "Marseille"};
    private static final String[] PARTS = {"slide", "barrel", "lower receiver", "bolt carrier", "trigger group", "upper receiver"};
    private static final String[] PARTS_DE = {"Schlitten", "Lauf", "Verschluss", "Griffstück", "Abzugsgruppe"};
    private static final String[] PARTS_FR = {"Culasse", "Canon", "Carcasse", "Glissière", "Percuteur"};
    private static final String[] PARTS_ES = {"Corredera", "Cañón", "Armazón", "Cerrojo", "Percutor"};
    private static final String[] PARTS_NL = {"Slede", "Loop", "Grendel", "Frame", "Trekker"};

    private record Family(String kind, boolean positive, String[][] rows, int weight) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("firearm", true, FIREARM, 4), new Family("rifle", true, RIFLE, 3), new Family("slang", true, SLANG, 2),
            new Family("part", true, PART, 3), new Family("suppressor-sear", true, SWITCH, 2), new Family("kit", true, KIT, 3),
            new Family("converted", true, CONVERT, 2), new Family("blueprint", true, BLUEPRINT, 2), new Family("blueprint", true, BLUEPRINT_2, 2),
            new Family("airsoft", false, AIRSOFT, 3), new Family("toy", false, TOY, 2), new Family("replica-prop", false, PROP, 2),
            new Family("hunting-clothing", false, HUNTING, 2), new Family("gun-safe", false, SAFE, 2), new Family("camera", false, CAMERA, 2),
            new Family("tool-gun", false, TOOL, 2), new Family("massage-gun", false, MASSAGE, 1), new Family("holster", false, HOLSTER, 2),
            new Family("plain", false, PLAIN, 3));

    /** {@code n} listings from the seed, about half positive, in the five languages. */
    public static List<Labelled> generate(int n, long seed) {
        Random r = new Random(seed);
        int total = FAMILIES.stream().mapToInt(Family::weight).sum();
        List<Labelled> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(total);
            Family f = null;
            for (Family c : FAMILIES) {
                if ((pick -= c.weight) < 0) {
                    f = c;
                    break;
                }
            }
            int lang = r.nextInt(LANGS.length);
            String[] row = f.rows[lang];
            String title = fill(row[0], r);
            String text = fill(row[1], r);
            if (f.positive && r.nextDouble() < 0.35) {
                // evasive spelling: sellers write around the platforms' filters
                title = evade(title, r);
                text = evade(text, r);
            } else if (!f.positive && r.nextDouble() < 0.15) {
                title = title.toUpperCase(Locale.ROOT);
            }
            if (r.nextDouble() < 0.3) text = dropSentence(text, r);
            out.add(new Labelled(title, text, f.positive, f.kind, LANGS[lang], FAMILIES.indexOf(f)));
        }
        return List.copyOf(out);
    }

    private static String fill(String template, Random r) {
        return template.replace("{m}", pick(MAKES, r)).replace("{r}", pick(RIFLES, r))
                .replace("{rc}", pick(new String[] {"7.62x39", "5.56", "12 gauge"}, r)).replace("{c}", pick(CALIBRES, r))
                .replace("{p}", String.valueOf(150 + 10 * r.nextInt(150))).replace("{t}", pick(TOWNS, r))
                .replace("{part}", pick(PARTS, r)).replace("{partde}", pick(PARTS_DE, r)).replace("{partfr}", pick(PARTS_FR, r))
                .replace("{partes}", pick(PARTS_ES, r)).replace("{partnl}", pick(PARTS_NL, r));
    }

    private static String pick(String[] a, Random r) {
        return a[r.nextInt(a.length)];
    }

    private static String dropSentence(String text, Random r) {
        String[] s = text.split("(?<=\\.) ");
        if (s.length < 3) return text;
        int drop = 1 + r.nextInt(s.length - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            if (i != drop) b.append(b.isEmpty() ? "" : " ").append(s[i]);
        }
        return b.toString();
    }

    /** Rewrites some words: leetspeak, spaced letters, dotted letters, a doubled letter, diacritics dropped. */
    static String evade(String s, Random r) {
        String[] words = s.split(" ");
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            String x = w;
            if (w.length() >= 4 && r.nextDouble() < 0.35) {
                switch (r.nextInt(5)) {
                    case 0 -> x = w.replace('o', '0').replace('i', '1').replace('e', '3').replace('a', '4');
                    case 1 -> x = String.join(" ", w.split(""));
                    case 2 -> x = String.join(".", w.split(""));
                    case 3 -> x = w.substring(0, 2) + w.charAt(2) + w.charAt(2) + w.charAt(2) + w.substring(3);
                    default -> x = ListingText.fold(w);
                }
            }
            b.append(b.isEmpty() ? "" : " ").append(x);
        }
        return b.toString();
    }
}
